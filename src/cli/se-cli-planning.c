/* se-cli-planning.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "se-checks.h"
#include "se-ical.h"
#include "se-placement.h"
#include "se-cli-planning.h"
#include "se-cli-private.h"
#include "se-statistics.h"
#include "se-store.h"

/* The planning aids on the command line, without a display:
 *
 *   --run-checks                  findings one a line; exit 0 when there are
 *                                 none, 1 when there are, 2 on errors
 *   --export-ics FILE             all placements, or with --placement ID one,
 *                                 or with --partnership ID a partnership's
 *   --export-statistics FILE      .csv or .xlsx, by the file's ending
 *
 * The database must exist: a mistyped name is an error, not a new file. */

static SeStore *
open_store (const char *database)
{
  return se_cli_open_store (database, SE_STORE_OPEN_FLAGS_NO_CREATE);
}

static int
run_checks (const char *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SeStore) store = open_store (database);
  g_autoptr(GPtrArray) findings = NULL;

  if (store == NULL)
    return SE_CLI_EXIT_FAILURE;

  findings = se_checks_run (store, NULL, SE_CHECKS_DEFAULT_EXPIRY_WARNING_DAYS, &error);
  if (findings == NULL)
    return se_cli_fail (error->message);

  for (guint i = 0; i < findings->len; i++)
    {
      SeFinding *f = g_ptr_array_index (findings, i);
      GEnumClass *rules = g_type_class_ref (SE_TYPE_CHECK_RULE);
      GEnumValue *rule = g_enum_get_value (rules, se_finding_get_rule (f));
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, se_finding_get_record_id (f));

      /* Translators: one line of --run-checks: severity, the finding's
       * sentence, then the rule and the record it is about, e.g.
       * "Warning: … (no-mentor, placement 3)" */
      g_print (_("%1$s: %2$s (%3$s, %4$s %5$s)\n"),
               se_severity_get_label (se_finding_get_severity (f)),
               se_finding_get_message (f), rule->value_nick,
               se_finding_get_record_table (f), id);
      g_type_class_unref (rules);
    }

  return findings->len == 0 ? 0 : 1;
}

static int
export_ics (const char *database,
            const char *file,
            gint64      placement_id,
            gint64      partnership_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SeStore) store = NULL;
  gboolean ok;

  if (placement_id != 0 && partnership_id != 0)
    return se_cli_fail (_("Give either --placement or --partnership, not both."));

  store = open_store (database);
  if (store == NULL)
    return SE_CLI_EXIT_FAILURE;

  if (placement_id != 0)
    {
      g_autoptr(SeRecord) placement = se_store_lookup (store, SE_TYPE_PLACEMENT, placement_id);

      if (placement == NULL)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, placement_id);
          /* Translators: %s is a number */
          g_autofree char *msg = g_strdup_printf (_("There is no placement with the id %s. "
                                                    "Check the number."), id);
          return se_cli_fail (msg);
        }
      ok = se_ical_export_placement (store, placement, file, &error);
    }
  else if (partnership_id != 0)
    ok = se_ical_export_partnership (store, partnership_id, file, &error);
  else
    ok = se_ical_export_all (store, file, &error);

  if (!ok)
    return se_cli_fail (error->message);

  /* Translators: %s is a file name */
  g_print (_("Calendar written to %s\n"), file);
  return 0;
}

static int
export_statistics (const char *database,
                   const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SeStore) store = NULL;
  g_autoptr(SeStatistics) stats = NULL;
  g_autofree char *lower = g_ascii_strdown (file, -1);
  gboolean ok;

  if (!g_str_has_suffix (lower, ".csv") && !g_str_has_suffix (lower, ".xlsx"))
    return se_cli_fail (_("The statistics file must end in .csv or .xlsx. Choose one of these."));

  store = open_store (database);
  if (store == NULL)
    return SE_CLI_EXIT_FAILURE;

  stats = se_statistics_compute (store);
  if (g_str_has_suffix (lower, ".csv"))
    ok = se_statistics_export_csv (stats, file, &error);
  else
    ok = se_statistics_export_xlsx (stats, file, &error);
  if (!ok)
    return se_cli_fail (error->message);

  /* Translators: %s is a file name */
  g_print (_("Statistics written to %s\n"), file);
  return 0;
}

/**
 * se_cli_planning_handle_options:
 * @options: the parsed command line
 * @database: the database file
 *
 * Returns: the exit status, or -1 when none of this file's options was given
 */
int
se_cli_planning_handle_options (GVariantDict *options,
                                const char   *database)
{
  g_autofree char *ics = NULL;
  g_autofree char *statistics = NULL;
  gint64 placement = 0, partnership = 0;

  if (g_variant_dict_contains (options, "run-checks"))
    return run_checks (database);

  g_variant_dict_lookup (options, "placement", "x", &placement);
  g_variant_dict_lookup (options, "partnership", "x", &partnership);

  if (g_variant_dict_lookup (options, "export-ics", "^ay", &ics))
    return export_ics (database, ics, placement, partnership);

  if (g_variant_dict_lookup (options, "export-statistics", "^ay", &statistics))
    return export_statistics (database, statistics);

  if (placement != 0 || partnership != 0)
    return se_cli_fail (_("--placement and --partnership go with --export-ics FILE."));

  return -1;
}
