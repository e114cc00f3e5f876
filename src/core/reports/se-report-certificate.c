/* se-report-certificate.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-reports"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <pango/pangocairo.h>

#include "se-agreement.h"
#include "se-approval.h"
#include "se-date.h"
#include "se-describe.h"
#include "se-enums.h"
#include "se-organisation.h"
#include "se-participant.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement-topic.h"
#include "se-placement.h"
#include "se-programme-item.h"
#include "se-quota.h"
#include "se-report.h"
#include "se-signatory.h"
#include "se-topic.h"
#include "se-unit.h"

#include "se-report-private.h"

/* A participant's certificate of participation: who, where, when, and
 * the programme followed, with the host's signature line. */

static SeRecord *
find_participation (SeStore  *store,
                    SeRecord *placement,
                    SeRecord *person)
{
  g_autoptr(GPtrArray) participants = se_store_find (store, SE_TYPE_PARTICIPANT, "placement-id",
                                                     se_record_get_id (placement));

  for (guint i = 0; i < participants->len; i++)
    {
      SeRecord *p = g_ptr_array_index (participants, i);
      if (se_record_get_reference (p, "person-id") == se_record_get_id (person))
        return g_object_ref (p);
    }
  return NULL;
}

static int
compare_programme (gconstpointer a,
                   gconstpointer b)
{
  SeRecord *x = *(SeRecord **) a;
  SeRecord *y = *(SeRecord **) b;
  int c = g_strcmp0 (se_record_get_string (x, "date"), se_record_get_string (y, "date"));

  return c != 0 ? c : g_strcmp0 (se_record_get_string (x, "start-time"),
                                 se_record_get_string (y, "start-time"));
}

static void
add_programme (SeReport *self,
               SeStore  *store,
               SeRecord *placement)
{
  g_autoptr(GPtrArray) items = se_store_find (store, SE_TYPE_PROGRAMME_ITEM, "placement-id",
                                              se_record_get_id (placement));
  const Column columns[] = {
    { C_("certificate", "Date"), 0.16, PANGO_ALIGN_LEFT },
    { C_("certificate", "Time"), 0.16, PANGO_ALIGN_LEFT },
    { C_("certificate", "Programme item"), 0.68, PANGO_ALIGN_LEFT },
  };
  int header;

  if (items->len == 0)
    return;

  g_ptr_array_sort (items, compare_programme);
  _se_report_add_heading (self, C_("certificate", "Programme"));
  header = _se_report_add_table_header (self, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < items->len; i++)
    {
      SeRecord *item = g_ptr_array_index (items, i);
      g_autofree char *date = se_date_format (se_record_get_string (item, "date"));
      const char *start = se_record_get_string (item, "start-time");
      const char *end = se_record_get_string (item, "end-time");
      g_autofree char *time = NULL;
      char *cells[3];

      if (start != NULL && end != NULL)
        /* Translators: a time span in a programme, "13:00–16:30" */
        time = g_strdup_printf (C_("certificate", "%s–%s"), start, end);
      else
        time = g_strdup (start != NULL ? start : "");
      cells[0] = g_markup_escape_text (date, -1);
      cells[1] = g_markup_escape_text (time, -1);
      cells[2] = g_markup_escape_text (se_record_get_string (item, "title"), -1);
      _se_report_add_row (self, header, columns, G_N_ELEMENTS (columns), cells);
    }
}

/**
 * se_report_new_certificate:
 * @store: the store
 * @placement: a placement in @store
 * @person: a participant of @placement
 * @error: return location for an error
 *
 * A certificate that @person took part in @placement, to take home: who,
 * in what, when and where, the topics and the programme, and a line for
 * the host's signature.
 *
 * Returns: (transfer full): the report, or %NULL with
 *   %SE_REPORT_ERROR_NOT_A_PARTICIPANT if @person did not take part
 */
SeReport *
se_report_new_certificate (SeStore   *store,
                           SeRecord  *placement,
                           SeRecord  *person,
                           GError   **error)
{
  g_autoptr(SeReport) self = NULL;
  g_autoptr(SeRecord) stored = NULL;
  g_autoptr(SeRecord) participant = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GString) topic_list = NULL;
  g_autofree char *name = NULL;
  g_autofree char *home = NULL;
  g_autofree char *host = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *who = NULL;
  g_autofree char *period = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *sign_for = NULL;
  const char *function, *kind, *goals;
  int role, days;
  Item *item;
  Cell *cell;

  g_return_val_if_fail (SE_IS_STORE (store), NULL);
  g_return_val_if_fail (SE_IS_PLACEMENT (placement), NULL);
  g_return_val_if_fail (SE_IS_PERSON (person), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stored = se_store_lookup (store, SE_TYPE_PLACEMENT, se_record_get_id (placement));
  if (stored == NULL)
    {
      g_set_error_literal (error, SE_REPORT_ERROR, SE_REPORT_ERROR_NOT_FOUND,
                           _("The placement is not in the database. Save it before printing."));
      return NULL;
    }
  participant = find_participation (store, stored, person);
  name = se_describe_title (store, person);
  if (participant == NULL)
    {
      g_set_error (error, SE_REPORT_ERROR, SE_REPORT_ERROR_NOT_A_PARTICIPANT,
                   /* Translators: %1$s is a person's name, %2$s a placement's title */
                   _("%1$s is not a participant of “%2$s”. Pick one of its participants."),
                   name, se_record_get_string (stored, "title"));
      return NULL;
    }

  self = g_object_new (SE_TYPE_REPORT, NULL);
  self->title = g_strdup_printf (C_("certificate", "Certificate of participation: %s"), name);
  self->file_stem = _se_report_stem_for (C_("certificate", "Certificate"), name);
  self->running_header = g_strdup (self->title);

  role = se_record_get_int (participant, "role");
  kind = se_enum_get_label (SE_TYPE_PLACEMENT_KIND, se_record_get_int (stored, "kind"));
  function = se_record_get_string (person, "function");
  home = _se_report_organisation_name (store, se_record_get_reference (participant, "home-organisation-id"), FALSE);
  host = _se_report_organisation_name (store, se_record_get_reference (participant, "host-organisation-id"), FALSE);
  unit = se_describe_reference (store, participant, "host-unit-id");

  /* The host organisation heads the page, as on its letter paper. */
  item = _se_report_add_item (self, 0, 0);
  _se_report_add_cell (item, 0.5, 0.5, STYLE_BODY, PANGO_ALIGN_RIGHT,
                       _se_report_organisation_block (store, se_record_get_reference (participant, "host-organisation-id"),
                                                      NULL));
  _se_report_add_space (self, 36);

  _se_report_add_text (self, STYLE_DISPLAY, PANGO_ALIGN_CENTER, C_("certificate", "Certificate of Participation"));
  _se_report_add_space (self, 22);
  _se_report_add_text (self, STYLE_BODY, PANGO_ALIGN_CENTER, C_("certificate", "This is to certify that"));
  _se_report_add_space (self, 8);
  _se_report_add_text (self, STYLE_NAME, PANGO_ALIGN_CENTER, name);
  _se_report_add_space (self, 4);
  if (function != NULL && *home != '\0')
    /* Translators: a person's function and home organisation, "Führungskraft, Jobcenter Bautzen" */
    who = g_strdup_printf (C_("report", "%s, %s"), function, home);
  else
    who = g_strdup (function != NULL ? function : home);
  if (*who != '\0')
    _se_report_add_text (self, STYLE_BODY, PANGO_ALIGN_CENTER, who);
  _se_report_add_space (self, 8);
  _se_report_add_text (self, STYLE_BODY, PANGO_ALIGN_CENTER,
                       C_("certificate", "has taken part in the following exchange:"));
  _se_report_add_space (self, 8);
  _se_report_add_text (self, STYLE_TITLE, PANGO_ALIGN_CENTER, se_record_get_string (stored, "title"));
  _se_report_add_space (self, 20);

  period = se_describe_period (se_record_get_string (stored, "start-date"),
                               se_record_get_string (stored, "end-date"));
  days = se_date_days_between (se_record_get_string (stored, "start-date"),
                               se_record_get_string (stored, "end-date"));
  duration = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d calendar day", "%d calendar days",
                                           days),
                              days);

  _se_report_add_fact (self, C_("certificate", "Kind"), kind);
  _se_report_add_fact (self, C_("certificate", "Role"), se_enum_get_label (SE_TYPE_PARTICIPANT_ROLE, role));
  _se_report_add_fact (self, C_("certificate", "Dates"), period);
  _se_report_add_fact (self, C_("certificate", "Duration"), duration);
  _se_report_add_fact (self, C_("certificate", "Format"),
                       se_enum_get_label (SE_TYPE_PLACEMENT_FORMAT, se_record_get_int (stored, "format")));
  if (se_record_get_string (stored, "location") != NULL)
    _se_report_add_fact (self, C_("certificate", "Place"), se_record_get_string (stored, "location"));
  _se_report_add_fact (self, C_("certificate", "Host organisation"), host);
  if (*unit != '\0')
    _se_report_add_fact (self, C_("certificate", "Host unit"), unit);
  _se_report_add_fact (self, C_("certificate", "Home organisation"), home);

  topics = se_store_find (store, SE_TYPE_PLACEMENT_TOPIC, "placement-id", se_record_get_id (stored));
  topic_list = g_string_new (NULL);
  for (guint i = 0; i < topics->len; i++)
    {
      g_autofree char *topic = se_describe_reference (store, g_ptr_array_index (topics, i), "topic-id");
      if (topic_list->len > 0)
        /* Translators: separates the topics in a list */
        g_string_append (topic_list, C_("report", ", "));
      g_string_append (topic_list, topic);
    }
  if (topic_list->len > 0)
    _se_report_add_fact (self, C_("certificate", "Topics"), topic_list->str);

  goals = se_record_get_string (stored, "goals");
  if (goals != NULL && *goals != '\0')
    {
      _se_report_add_heading (self, C_("certificate", "Goals and tasks"));
      _se_report_add_paragraphs (self, goals);
    }

  add_programme (self, store, stored);

  /* Room to sign, kept on one page with the lines below it and with what
   * precedes it, so that the signature never stands alone on a page. */
  for (guint i = self->items->len; i > 0; i--)
    {
      Item *last = g_ptr_array_index (self->items, i - 1);
      if (!(last->flags & ITEM_SPACE))
        {
          last->flags |= ITEM_KEEP_WITH_NEXT;
          break;
        }
    }
  _se_report_add_space (self, 24);
  item = _se_report_add_item (self, ITEM_KEEP_WITH_NEXT, 0);
  _se_report_add_cell (item, 0, 1, STYLE_BODY, PANGO_ALIGN_LEFT, g_strdup (" \n \n "));
  item = _se_report_add_item (self, 0, 2);
  cell = _se_report_add_cell (item, 0, 0.42, STYLE_LABEL, PANGO_ALIGN_LEFT,
                              _se_report_grey (C_("certificate", "Place, date")));
  cell->overline = TRUE;
  /* Translators: below the signature line, %s is the host organisation */
  sign_for = g_strdup_printf (C_("certificate", "Signature, for %s"), host);
  cell = _se_report_add_cell (item, 0.52, 0.48, STYLE_LABEL, PANGO_ALIGN_LEFT, _se_report_grey (sign_for));
  cell->overline = TRUE;

  return g_steal_pointer (&self);
}
