/* se-cli-data.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "se-cli-data.h"
#include "se-cli-private.h"
#include "se-csv.h"
#include "se-store.h"

/* --import-csv KIND FILE and --export-csv KIND FILE: the CSV exchange
 * without a display, for scripts and for moving data between offices.
 * Exit status 0 on success, 2 with the reasons on standard error. */

static GType
kind_or_fail (const char *kind)
{
  GType type = se_csv_kind_from_name (kind);

  if (type == G_TYPE_INVALID)
    {
      guint n_types;
      const GType *types = se_store_get_record_types (&n_types);
      g_autoptr(GString) kinds = g_string_new (NULL);
      g_autofree char *msg = NULL;

      for (guint i = 0; i < n_types; i++)
        g_string_append_printf (kinds, "%s%s", i > 0 ? ", " : "", se_csv_kind_get_name (types[i]));
      /* Translators: %1$s is what the user typed, %2$s lists the kinds (not translated) */
      msg = g_strdup_printf (_("“%1$s” is not a kind of record. Use one of: %2$s."),
                             kind, kinds->str);
      se_cli_fail (msg);
    }
  return type;
}

/**
 * se_cli_data_import_csv:
 *
 * Imports the CSV @file into @database: every record or, when any line is
 * wrong, none; each wrong line is printed as "line N: reason".
 *
 * Returns: the exit status
 */
int
se_cli_data_import_csv (const char *database,
                        const char *kind,
                        const char *file)
{
  g_autoptr(SeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GType type = kind_or_fail (kind);
  guint n = 0;

  if (type == G_TYPE_INVALID)
    return SE_CLI_EXIT_FAILURE;

  store = se_cli_open_store (database, SE_STORE_OPEN_FLAGS_NONE);
  if (store == NULL)
    return SE_CLI_EXIT_FAILURE;

  if (!se_csv_import_file (store, type, file, &n, &problems, &error))
    {
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        {
          SeCsvProblem *p = g_ptr_array_index (problems, i);

          if (p->line > 0)
            /* Translators: %1$u is a line number of the file, %2$s what is wrong there */
            g_printerr (_("line %1$u: %2$s\n"), p->line, p->message);
          else
            g_printerr ("%s\n", p->message);
        }
      return se_cli_fail (error->message);
    }

  /* Translators: %1$u is a number of records, %2$s a file name */
  g_print (ngettext ("%1$u record imported from %2$s\n",
                     "%1$u records imported from %2$s\n", n), n, file);
  return 0;
}

/**
 * se_cli_data_export_csv:
 *
 * Writes every record of @kind into the CSV @file.
 *
 * Returns: the exit status
 */
int
se_cli_data_export_csv (const char *database,
                        const char *kind,
                        const char *file)
{
  g_autoptr(SeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GType type = kind_or_fail (kind);
  guint n;

  if (type == G_TYPE_INVALID)
    return SE_CLI_EXIT_FAILURE;

  store = se_cli_open_store (database, SE_STORE_OPEN_FLAGS_NO_CREATE);
  if (store == NULL)
    return SE_CLI_EXIT_FAILURE;

  if (!se_csv_export_file (store, type, file, SE_CSV_FLAGS_NONE, &error))
    return se_cli_fail (error->message);

  n = g_list_model_get_n_items (se_store_get_list (store, type));
  /* Translators: %1$u is a number of records, %2$s a file name */
  g_print (ngettext ("%1$u record exported to %2$s\n",
                     "%1$u records exported to %2$s\n", n), n, file);
  return 0;
}

/**
 * se_cli_data_rewrite_arguments:
 * @arguments: (inout): the command line
 *
 * GOption gives an option one value, but --import-csv KIND FILE takes two
 * (and --grant ROLE USER), and the arguments left over are the files the
 * app opens. So the second is marked here, before the options are parsed,
 * as the value of the hidden option --csv-file (--grant-user).
 */
void
se_cli_data_rewrite_arguments (char ***arguments)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  char **args = *arguments;
  gboolean changed = FALSE;

  for (guint i = 0; args[i] != NULL; i++)
    {
      const char *a = args[i];
      const char *second = "--csv-file";
      guint file = 0;

      g_strv_builder_add (builder, a);
      if (strcmp (a, "--") == 0)
        {
          for (i++; args[i] != NULL; i++)
            g_strv_builder_add (builder, args[i]);
          break;
        }

      if ((strcmp (a, "--import-csv") == 0 || strcmp (a, "--export-csv") == 0)
          && args[i + 1] != NULL)
        {
          g_strv_builder_add (builder, args[++i]);
          file = i + 1;
        }
      else if (g_str_has_prefix (a, "--import-csv=") || g_str_has_prefix (a, "--export-csv="))
        file = i + 1;
      else if (strcmp (a, "--grant") == 0 && args[i + 1] != NULL)
        {
          g_strv_builder_add (builder, args[++i]);
          file = i + 1;
          second = "--grant-user";
        }
      else if (g_str_has_prefix (a, "--grant="))
        {
          file = i + 1;
          second = "--grant-user";
        }

      if (file > 0 && args[file] != NULL && args[file][0] != '-')
        {
          g_strv_builder_add (builder, second);
          g_strv_builder_add (builder, args[file]);
          i = file;
          changed = TRUE;
        }
    }

  if (changed)
    {
      g_strfreev (*arguments);
      *arguments = g_strv_builder_end (builder);
    }
}

/**
 * se_cli_data_handle_options:
 * @options: the application's parsed command-line options
 * @database: the database file
 *
 * The FILE of --import-csv KIND FILE comes as --csv-file, see
 * se_cli_data_rewrite_arguments().
 *
 * Returns: -1 if no CSV option was given, otherwise the exit status
 */
int
se_cli_data_handle_options (GVariantDict *options,
                            const char   *database)
{
  g_autofree char *import_kind = NULL;
  g_autofree char *export_kind = NULL;
  g_autofree char *file = NULL;

  g_variant_dict_lookup (options, "import-csv", "s", &import_kind);
  g_variant_dict_lookup (options, "export-csv", "s", &export_kind);
  if (import_kind == NULL && export_kind == NULL)
    return -1;

  if (import_kind != NULL && export_kind != NULL)
    return se_cli_fail (_("Give either --import-csv or --export-csv, not both."));

  g_variant_dict_lookup (options, "csv-file", "^ay", &file);
  if (file == NULL)
    return se_cli_fail (import_kind != NULL
                        ? _("--import-csv needs a kind and a file, such as "
                            "--import-csv placements placements.csv")
                        : _("--export-csv needs a kind and a file, such as "
                            "--export-csv placements placements.csv"));

  if (import_kind != NULL)
    return se_cli_data_import_csv (database, import_kind, file);
  return se_cli_data_export_csv (database, export_kind, file);
}
