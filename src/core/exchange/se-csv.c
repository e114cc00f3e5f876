/* se-csv.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-exchange"

#include "config.h"

#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "se-csv.h"
#include "se-date.h"
#include "se-enums.h"
#include "se-error.h"
#include "se-field-type.h"
#include "se-store-jobs.h"

#include "se-csv-private.h"

/* CSV files as German offices exchange them: UTF-8, a header row,
 * semicolons (commas and tabs are recognised from the header), CRLF or LF,
 * quoted fields that may hold separators and line breaks. libcsv does the
 * splitting; this file maps columns to the fields of a record kind.
 *
 * An export writes a byte order mark, because Excel reads a CSV file
 * without one in the legacy code page and breaks every umlaut; LibreOffice
 * reads both.
 *
 * An import is all or nothing. It runs in one transaction: each line is
 * parsed, checked and saved in turn, so that memory stays flat and the
 * prepared statements are reused; any bad line means a rollback, and every
 * bad line is reported with its number. A line longer than MAX_LINE_BYTES
 * is reported and skipped without being buffered.
 */

G_DEFINE_QUARK (se-csv-error-quark, se_csv_error)

G_DEFINE_BOXED_TYPE (SeCsvProblem, se_csv_problem, se_csv_problem_copy, se_csv_problem_free)

SeCsvProblem *
se_csv_problem_copy (const SeCsvProblem *problem)
{
  SeCsvProblem *copy = g_new0 (SeCsvProblem, 1);

  copy->line = problem->line;
  copy->field = g_strdup (problem->field);
  copy->message = g_strdup (problem->message);
  return copy;
}

void
se_csv_problem_free (SeCsvProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

/* Kinds */

/**
 * se_csv_kind_get_name:
 * @record_type: a record type
 *
 * Returns: (transfer none): the name of the kind on the command line, in
 *   the plural: "organisations", "programme-items", ...
 */
const char *
se_csv_kind_get_name (GType record_type)
{
  static GHashTable *names = NULL;
  g_autoptr(GTypeClass) klass = NULL;
  char *name;

  g_return_val_if_fail (g_type_is_a (record_type, SE_TYPE_RECORD), NULL);

  if (g_once_init_enter (&names))
    g_once_init_leave (&names, g_hash_table_new (NULL, NULL));

  name = g_hash_table_lookup (names, GSIZE_TO_POINTER (record_type));
  if (name == NULL)
    {
      const char *table;

      klass = g_type_class_ref (record_type);
      table = se_record_class_get_table (SE_RECORD_CLASS (klass));
      /* placement_topic -> placement-topics */
      if (strcmp (table, "person") == 0)
        name = g_strdup ("people");
      else if (g_str_has_suffix (table, "y"))
        name = g_strdup_printf ("%.*sies", (int) strlen (table) - 1, table);
      else
        name = g_strdelimit (g_strconcat (table, "s", NULL), "_", '-');
      g_hash_table_insert (names, GSIZE_TO_POINTER (record_type), name);
    }
  return name;
}

/**
 * se_csv_kind_from_name:
 * @name: "placements", "placement", "programme-items", "programme_item", ...
 *
 * Returns: the record type, or %G_TYPE_INVALID when @name is no kind
 */
GType
se_csv_kind_from_name (const char *name)
{
  guint n_types;
  const GType *types = se_store_get_record_types (&n_types);
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (name != NULL, G_TYPE_INVALID);

  wanted = g_strdelimit (g_ascii_strdown (name, -1), "_", '-');
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);
      g_autofree char *singular =
        g_strdelimit (g_strdup (se_record_class_get_table (SE_RECORD_CLASS (klass))), "_", '-');
      g_autofree char *plural = g_strconcat (singular, "s", NULL);

      if (strcmp (wanted, se_csv_kind_get_name (types[i])) == 0
          || strcmp (wanted, singular) == 0 || strcmp (wanted, plural) == 0)
        return types[i];
    }
  return G_TYPE_INVALID;
}

/* Fields in the file: the id, then every field the user may set. */
GPtrArray *
_se_csv_fields (SeRecordClass *klass)
{
  GPtrArray *result = g_ptr_array_new ();
  guint n_fields;
  const SeField *fields = se_record_class_get_fields (klass, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    if (!(fields[i].flags & SE_FIELD_FLAGS_STORE_OWNED))
      g_ptr_array_add (result, (gpointer) &fields[i]);
  return result;
}

const char *
_se_csv_id_label (void)
{
  /* Translators: the column of a CSV file that holds each record's number */
  return C_("csv column", "ID");
}

const char *
_se_csv_yes_label (void)
{
  /* Translators: a yes/no value in a CSV file */
  return C_("csv value", "yes");
}

const char *
_se_csv_no_label (void)
{
  /* Translators: a yes/no value in a CSV file */
  return C_("csv value", "no");
}

/* Export */

/* A spreadsheet runs a cell that starts with = + - or @ as a formula (and
 * some read a tab or carriage return before one the same way): a title
 * such as "=HYPERLINK(...)" typed into the app would become a live link
 * or command in the office's spreadsheet. Free text is therefore written
 * with an apostrophe before it, which spreadsheets show as text and hide;
 * an import takes exactly one apostrophe off again. A value that already
 * starts with apostrophes before such a character gets one more, so that
 * every value comes back as it was. */
gboolean
_se_csv_looks_like_formula (const char *value)
{
  while (*value == '\'')
    value++;
  return *value != '\0' && strchr ("=+-@\t\r", *value) != NULL;
}

static void
append_cell (GString    *out,
             const char *value,
             char        delim)
{
  gsize len;
  gboolean quote;

  if (value == NULL)
    return;

  len = strlen (value);
  quote = len > 0 && (value[0] == ' ' || value[0] == '\t'
                      || value[len - 1] == ' ' || value[len - 1] == '\t');
  for (const char *p = value; !quote && *p; p++)
    quote = *p == delim || *p == '"' || *p == '\n' || *p == '\r';

  if (!quote)
    {
      g_string_append_len (out, value, len);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static char *
format_value (SeRecord      *record,
              const SeField *field)
{
  switch (se_field_get_info (field)->value)
    {
    case SE_FIELD_VALUE_INT:
      return g_strdup_printf ("%d", se_record_get_int (record, field->name));
    case SE_FIELD_VALUE_BOOLEAN:
      return g_strdup (se_record_get_int (record, field->name) ? _se_csv_yes_label () : _se_csv_no_label ());
    case SE_FIELD_VALUE_ENUM:
      return g_strdup (se_enum_get_label (field->target (),
                                          se_record_get_int (record, field->name)));
    case SE_FIELD_VALUE_REFERENCE:
      {
        gint64 id = se_record_get_reference (record, field->name);
        return id != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : NULL;
      }
    case SE_FIELD_VALUE_STRING:
    default:
      return g_strdup (se_record_get_string (record, field->name));
    }
}

static gboolean
flush_buffer (GOutputStream  *stream,
              GString        *buffer,
              GCancellable   *cancellable,
              GError        **error)
{
  if (!g_output_stream_write_all (stream, buffer->str, buffer->len, NULL, cancellable, error))
    return FALSE;
  g_string_truncate (buffer, 0);
  return TRUE;
}

/**
 * se_csv_export:
 * @store: a store
 * @record_type: the kind to export, such as %SE_TYPE_PLACEMENT
 * @stream: where to write
 * @flags: header and separator
 * @error: a #G_IO_ERROR
 *
 * Writes every record of the kind as CSV: UTF-8 with a byte order mark, a
 * header row, one line per record ordered by id, CRLF line ends. The id
 * comes first; references are ids, choices their translated labels, dates
 * ISO 8601. se_csv_import() reads it back.
 */
gboolean
se_csv_export (SeStore        *store,
               GType           record_type,
               GOutputStream  *stream,
               SeCsvFlags      flags,
               GCancellable   *cancellable,
               GError        **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GString) out = g_string_sized_new (READ_SIZE + 1024);
  GListModel *list;
  char delim = (flags & SE_CSV_FLAGS_COMMA) ? ',' : ';';
  guint n;

  g_return_val_if_fail (SE_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_type_is_a (record_type, SE_TYPE_RECORD), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  klass = g_type_class_ref (record_type);
  fields = _se_csv_fields (SE_RECORD_CLASS (klass));

  g_string_append (out, "\xEF\xBB\xBF");
  append_cell (out, (flags & SE_CSV_FLAGS_FIELD_NAMES) ? "id" : _se_csv_id_label (), delim);
  for (guint i = 0; i < fields->len; i++)
    {
      const SeField *f = g_ptr_array_index (fields, i);

      g_string_append_c (out, delim);
      append_cell (out, (flags & SE_CSV_FLAGS_FIELD_NAMES) ? f->name : se_field_get_label (f),
                   delim);
    }
  g_string_append (out, "\r\n");

  list = se_store_get_list (store, record_type);
  n = g_list_model_get_n_items (list);
  for (guint r = 0; r < n; r++)
    {
      g_autoptr(SeRecord) record = g_list_model_get_item (list, r);

      g_string_append_printf (out, "%" G_GINT64_FORMAT, se_record_get_id (record));
      for (guint i = 0; i < fields->len; i++)
        {
          const SeField *f = g_ptr_array_index (fields, i);
          g_autofree char *value = format_value (record, f);

          if (value != NULL && se_field_get_info (f)->free_text && _se_csv_looks_like_formula (value))
            {
              char *escaped = g_strconcat ("'", value, NULL);

              g_free (value);
              value = escaped;
            }
          g_string_append_c (out, delim);
          append_cell (out, value, delim);
        }
      g_string_append (out, "\r\n");

      if (out->len >= READ_SIZE && !flush_buffer (stream, out, cancellable, error))
        return FALSE;
    }

  return flush_buffer (stream, out, cancellable, error);
}

/**
 * se_csv_export_file:
 *
 * Like se_csv_export(), into the file @path. The file is replaced only
 * once it has been written completely.
 */
gboolean
se_csv_export_file (SeStore     *store,
                    GType        record_type,
                    const char  *path,
                    SeCsvFlags   flags,
                    GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  name = g_filename_display_name (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, &local_error);
  if (stream != NULL
      && se_csv_export (store, record_type, G_OUTPUT_STREAM (stream), flags, NULL, &local_error)
      && g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    return TRUE;

  /* Translators: %1$s is a file name, %2$s the reason */
  g_set_error (error, SE_CSV_ERROR, SE_CSV_ERROR_FAILED,
               _("“%1$s” could not be written: %2$s. Choose another folder or free some "
                 "space."), name, local_error->message);
  return FALSE;
}
