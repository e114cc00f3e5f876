/* se-cli-report.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "se-agreement.h"
#include "se-cli-private.h"
#include "se-cli-report.h"
#include "se-describe.h"
#include "se-participant.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-report.h"
#include "se-store.h"

/* --export-summary and --export-certificate: a PDF without a display.
 * Records are named by id or by what a user sees (an agreement's reference
 * number, a placement's title, a person's "Given Family" name); anything
 * that does not name exactly one record is refused, with exit status 2 and
 * no file written. */

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

typedef gboolean (*Matches) (SeStore *store, SeRecord *record, const char *text);

static gboolean
agreement_matches (SeStore    *store,
                   SeRecord   *record,
                   const char *text)
{
  return g_strcmp0 (se_record_get_string (record, "reference"), text) == 0;
}

static gboolean
placement_matches (SeStore    *store,
                   SeRecord   *record,
                   const char *text)
{
  return g_strcmp0 (se_record_get_string (record, "title"), text) == 0;
}

static gboolean
person_matches (SeStore    *store,
                SeRecord   *record,
                const char *text)
{
  g_autofree char *title = se_describe_title (store, record);
  g_autofree char *plain = g_strdup_printf ("%s %s",
                                            se_record_get_string (record, "given-name") != NULL
                                            ? se_record_get_string (record, "given-name") : "",
                                            se_record_get_string (record, "family-name"));

  return g_strcmp0 (title, text) == 0 || g_strcmp0 (g_strstrip (plain), text) == 0;
}

/* The record @text names: its id, or the only one that matches. Sets
 * *n_matches to the number of records that matched by name. */
static SeRecord *
find_record (SeStore    *store,
             GType       type,
             const char *text,
             Matches     matches,
             guint      *n_matches)
{
  GListModel *list = se_store_get_list (store, type);
  SeRecord *found = NULL;
  gint64 id;

  *n_matches = 0;
  if (parse_id (text, &id))
    {
      found = se_store_lookup (store, type, id);
      if (found != NULL)
        {
          *n_matches = 1;
          return found;
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SeRecord) record = g_list_model_get_item (list, i);

      if (matches (store, record, text))
        {
          if (++*n_matches == 1)
            found = g_object_ref (record);
        }
    }
  if (*n_matches != 1)
    g_clear_object (&found);
  return found;
}

/* Of the people called @text, the one who took part in @placement. */
static SeRecord *
find_participant (SeStore    *store,
                  SeRecord   *placement,
                  const char *text,
                  guint      *n_matches)
{
  g_autoptr(GPtrArray) participants = se_store_find (store, SE_TYPE_PARTICIPANT, "placement-id",
                                                     se_record_get_id (placement));
  SeRecord *found;
  gint64 id;

  found = find_record (store, SE_TYPE_PERSON, text, person_matches, n_matches);
  if (found != NULL || *n_matches == 0 || parse_id (text, &id))
    return found;

  /* Several people of that name: the one of this placement will do. */
  *n_matches = 0;
  for (guint i = 0; i < participants->len; i++)
    {
      g_autoptr(SeRecord) person = se_store_lookup (store, SE_TYPE_PERSON,
                                                    se_record_get_reference (g_ptr_array_index (participants, i),
                                                                             "person-id"));
      if (person != NULL && person_matches (store, person, text) && ++*n_matches == 1)
        found = g_object_ref (person);
    }
  if (*n_matches != 1)
    g_clear_object (&found);
  return found;
}

/**
 * se_cli_report_export:
 * @database: the database file
 * @agreement: (nullable): the agreement for --export-summary
 * @placement: (nullable): the placement for --export-certificate
 * @participant: (nullable): the person for --export-certificate
 * @output: (nullable): the PDF to write
 *
 * Returns: the exit status: 0, or 2 with a message on standard error
 */
int
se_cli_report_export (const char *database,
                      const char *agreement,
                      const char *placement,
                      const char *participant,
                      const char *output)
{
  g_autoptr(SeStore) store = NULL;
  g_autoptr(SeReport) report = NULL;
  g_autoptr(SeRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  guint n_matches = 0;

  if (agreement != NULL && placement != NULL)
    return se_cli_fail (_("Export a summary or a certificate, not both at once. Run the command twice."));
  if (agreement == NULL && placement == NULL)
    return se_cli_fail (_("--participant and --output go with --export-summary or --export-certificate. "
                          "Add one of them."));
  if (placement != NULL && (participant == NULL || *participant == '\0'))
    return se_cli_fail (_("A certificate is for one participant. Name them with --participant PERSON."));
  if (agreement != NULL && participant != NULL)
    return se_cli_fail (_("--participant goes with --export-certificate only. Leave it out."));
  if (output == NULL || *output == '\0')
    return se_cli_fail (_("Name the PDF file to write with --output FILE.pdf."));

  store = se_cli_open_store (database,
                             SE_STORE_OPEN_FLAGS_READ_ONLY | SE_STORE_OPEN_FLAGS_NO_CREATE);
  if (store == NULL)
    return SE_CLI_EXIT_FAILURE;

  if (agreement != NULL)
    {
      record = find_record (store, SE_TYPE_AGREEMENT, agreement, agreement_matches, &n_matches);
      if (record == NULL)
        {
          g_autofree char *msg = NULL;

          if (n_matches == 0)
            /* Translators: %s is what the user typed after --export-summary */
            msg = g_strdup_printf (_("There is no agreement with the id or reference number “%s”. "
                                     "Check the reference number in the agreement's page."),
                                   agreement);
          else
            /* Translators: %s is what the user typed after --export-summary */
            msg = g_strdup_printf (_("Several agreements have the reference number “%s”. Name one by its id."),
                                   agreement);
          return se_cli_fail (msg);
        }
      report = se_report_new_agreement_summary (store, record, &error);
    }
  else
    {
      g_autoptr(SeRecord) person = NULL;

      record = find_record (store, SE_TYPE_PLACEMENT, placement, placement_matches, &n_matches);
      if (record == NULL)
        {
          g_autofree char *msg = NULL;

          if (n_matches == 0)
            /* Translators: %s is what the user typed after --export-certificate */
            msg = g_strdup_printf (_("There is no placement with the id or title “%s”. Check the title in the "
                                     "placement's page."),
                                   placement);
          else
            /* Translators: %s is what the user typed after --export-certificate */
            msg = g_strdup_printf (_("Several placements are called “%s”. Name one by its id."),
                                   placement);
          return se_cli_fail (msg);
        }
      person = find_participant (store, record, participant, &n_matches);
      if (person == NULL)
        {
          g_autofree char *msg = NULL;

          if (n_matches == 0)
            /* Translators: %s is what the user typed after --participant */
            msg = g_strdup_printf (_("There is no person with the id or name “%s”. Write the name as "
                                     "“Given Family”, or use the person's id."),
                                   participant);
          else
            /* Translators: %s is what the user typed after --participant */
            msg = g_strdup_printf (_("Several people are called “%s”. Name one by the person's id."),
                                   participant);
          return se_cli_fail (msg);
        }
      report = se_report_new_certificate (store, record, person, &error);
    }

  if (report == NULL || !se_report_write_pdf (report, output, &error))
    return se_cli_fail (error->message);

  return 0;
}

/**
 * se_cli_report_handle_options:
 * @options: the application's parsed command-line options
 * @database: the database file
 *
 * Returns: -1 if no report option was given, otherwise the exit status
 */
int
se_cli_report_handle_options (GVariantDict *options,
                              const char   *database)
{
  g_autofree char *agreement = NULL;
  g_autofree char *placement = NULL;
  g_autofree char *participant = NULL;
  g_autofree char *output = NULL;

  g_variant_dict_lookup (options, "export-summary", "s", &agreement);
  g_variant_dict_lookup (options, "export-certificate", "s", &placement);
  g_variant_dict_lookup (options, "participant", "s", &participant);
  g_variant_dict_lookup (options, "output", "^ay", &output);

  if (agreement == NULL && placement == NULL && participant == NULL && output == NULL)
    return -1;
  return se_cli_report_export (database, agreement, placement, participant, output);
}
