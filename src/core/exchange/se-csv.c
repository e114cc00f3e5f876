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

#define MAX_LINE_BYTES (1024 * 1024)

/* Column headers of earlier versions that still name a field: the quota
 * fields counted placements and days before they counted persons and
 * person-days (same columns, same numbers). */
static const struct
{
  const char *field;
  const char *header;
} former_headers[] = {
  { "quota-placements", "Placements per year and direction" },
  { "quota-placements", "Eins\xc3\xa4tze pro Jahr und Richtung" },
  { "quota-days", "Days per year and direction" },
  { "quota-days", "Tage pro Jahr und Richtung" },
};
#define MAX_PROBLEMS 1000
#define READ_SIZE (64 * 1024)

/* libcsv's state between rows (ROW_NOT_BEGUN in libcsv.c). It is in the
 * public struct; libcsv has no accessor for it. */
#define LIBCSV_ROW_NOT_BEGUN 0

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
static GPtrArray *
csv_fields (SeRecordClass *klass)
{
  GPtrArray *result = g_ptr_array_new ();
  guint n_fields;
  const SeField *fields = se_record_class_get_fields (klass, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    if (!(fields[i].flags & SE_FIELD_FLAGS_STORE_OWNED))
      g_ptr_array_add (result, (gpointer) &fields[i]);
  return result;
}

static const char *
id_label (void)
{
  /* Translators: the column of a CSV file that holds each record's number */
  return C_("csv column", "ID");
}

static const char *
yes_label (void)
{
  /* Translators: a yes/no value in a CSV file */
  return C_("csv value", "yes");
}

static const char *
no_label (void)
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
static gboolean
looks_like_formula (const char *value)
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
      return g_strdup (se_record_get_int (record, field->name) ? yes_label () : no_label ());
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
  fields = csv_fields (SE_RECORD_CLASS (klass));

  g_string_append (out, "\xEF\xBB\xBF");
  append_cell (out, (flags & SE_CSV_FLAGS_FIELD_NAMES) ? "id" : id_label (), delim);
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

          if (value != NULL && se_field_get_info (f)->free_text && looks_like_formula (value))
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

/* Import */

/* What a column of the file holds. */
enum {
  COLUMN_ID = -1,
};

typedef struct
{
  gint64    id;
  char     *field;
  gint64    target;
  guint     line;
  SeRecord *record;
} Deferred;

static void
deferred_clear (gpointer data)
{
  Deferred *d = data;

  g_free (d->field);
  g_clear_object (&d->record);
}

typedef struct
{
  SeStore            *store;
  GType               type;
  SeRecordClass      *klass;
  GPtrArray          *fields;        /* const SeField*, the importable fields */

  struct csv_parser   parser;
  gboolean            parser_ready;
  guint               line;          /* the physical line being read */
  guint               record_line;   /* where the current record began */
  gboolean            record_open;
  gsize               record_bytes;
  gboolean            skipping;      /* rest of a too long line */
  GPtrArray          *cells;         /* char*, the current record's fields */
  gboolean            cells_bad_utf8;
  gboolean            cells_have_nul;

  gboolean            have_header;
  GArray             *columns;       /* int: COLUMN_ID or an index into fields */
  gboolean            header_failed;

  GPtrArray          *problems;
  guint               n_bad_lines;
  guint               last_bad_line;
  guint               n_left_out;

  GHashTable         *ids_in_file;   /* gint64* set */
  GHashTable         *titles;        /* GType -> (title -> id, or -1 when ambiguous) */
  GArray             *deferred;      /* Deferred */

  SeCsvProgressFunc   progress;
  gpointer            progress_data;
  guint64             bytes_read;
  guint64             bytes_total;   /* 0 when unknown (a pipe) */

  gboolean            writing;       /* FALSE after the database refused to go on */
  gboolean            bulk;          /* new records go in as a bulk insert */
  guint               n_saved;
} Import;

static void
add_problem (Import     *im,
             guint       line,
             const char *field,
             const char *message)
{
  if (line != im->last_bad_line || line == 0)
    {
      im->n_bad_lines++;
      im->last_bad_line = line;
    }

  if (im->problems->len >= MAX_PROBLEMS)
    {
      im->n_left_out++;
      return;
    }

  {
    SeCsvProblem *p = g_new0 (SeCsvProblem, 1);

    p->line = line;
    p->field = g_strdup (field);
    p->message = g_strdup (message);
    g_ptr_array_add (im->problems, p);
  }
}

G_GNUC_PRINTF (4, 5)
static void
add_problemf (Import     *im,
              guint       line,
              const char *field,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  add_problem (im, line, field, message);
}

/* libcsv callbacks: collect the cells of one record. */
static void
cell_cb (void   *data,
         size_t  len,
         void   *user_data)
{
  Import *im = user_data;
  const char *s = data != NULL ? data : "";

  if (im->skipping)
    return;

  if (len > 0 && memchr (s, '\0', len) != NULL)
    im->cells_have_nul = TRUE;
  else if (!g_utf8_validate_len (s, len, NULL))
    im->cells_bad_utf8 = TRUE;

  g_ptr_array_add (im->cells, g_strndup (s, len));
}

static void process_record (Import *im);

static void
record_cb (int   c,
           void *user_data)
{
  Import *im = user_data;

  if (!im->skipping)
    process_record (im);

  g_ptr_array_set_size (im->cells, 0);
  im->cells_bad_utf8 = FALSE;
  im->cells_have_nul = FALSE;
  im->record_open = FALSE;
}

/* Headers */

static char *
fold (const char *s)
{
  g_autofree char *stripped = g_strstrip (g_strdup (s));
  g_autofree char *folded = g_utf8_casefold (stripped, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
}

/* Which column a header names: the field name ("start-date", also with '_'),
 * its label in the user's language or in English, or the id. */
static gboolean
match_header (Import     *im,
              const char *header,
              int        *column)
{
  g_autofree char *h = fold (header);
  g_autofree char *dashed = g_strdelimit (g_strdup (h), "_ ", '-');
  g_autofree char *id = fold (id_label ());

  if (strcmp (h, "id") == 0 || strcmp (h, id) == 0)
    {
      *column = COLUMN_ID;
      return TRUE;
    }

  for (guint i = 0; i < im->fields->len; i++)
    {
      const SeField *f = g_ptr_array_index (im->fields, i);
      g_autofree char *label = fold (se_field_get_label (f));
      g_autofree char *english = fold (f->label);

      if (strcmp (dashed, f->name) == 0 || strcmp (h, label) == 0 || strcmp (h, english) == 0)
        {
          *column = (int) i;
          return TRUE;
        }
    }

  /* Headers that earlier versions wrote, in English and German: the file
   * format, not text shown to anyone, so not translated. */
  for (guint j = 0; j < G_N_ELEMENTS (former_headers); j++)
    {
      g_autofree char *former = fold (former_headers[j].header);

      if (strcmp (h, former) != 0)
        continue;
      for (guint i = 0; i < im->fields->len; i++)
        {
          const SeField *f = g_ptr_array_index (im->fields, i);

          if (strcmp (f->name, former_headers[j].field) == 0)
            {
              *column = (int) i;
              return TRUE;
            }
        }
    }
  return FALSE;
}

static void
process_header (Import *im)
{
  g_autoptr(GString) known = g_string_new (NULL);

  im->have_header = TRUE;

  for (guint i = 0; i < im->fields->len; i++)
    {
      const SeField *f = g_ptr_array_index (im->fields, i);
      /* Translators: separates the names of columns in a list */
      g_string_append_printf (known, "%s“%s”", i > 0 ? C_("list separator", ", ") : "",
                              se_field_get_label (f));
    }

  if (im->cells_bad_utf8 || im->cells_have_nul)
    {
      add_problem (im, im->record_line, NULL,
                   _("The header row is not UTF-8 text. Save the file as “CSV UTF-8” "
                     "(Excel) or with the character set “Unicode (UTF-8)” (LibreOffice) and "
                     "import it again."));
      im->header_failed = TRUE;
      return;
    }

  for (guint i = 0; i < im->cells->len; i++)
    {
      const char *header = g_ptr_array_index (im->cells, i);
      int column;

      if (!match_header (im, header, &column))
        {
          /* Translators: %1$s is a column heading from the file, %2$s lists the
           * columns the program knows */
          add_problemf (im, im->record_line, NULL,
                        _("The column “%1$s” is unknown. Rename it to one of %2$s, or to "
                          "“ID”, or remove it."), header, known->str);
          im->header_failed = TRUE;
          continue;
        }

      for (guint j = 0; j < im->columns->len; j++)
        if (g_array_index (im->columns, int, j) == column)
          {
            /* Translators: %s is a column heading from the file */
            add_problemf (im, im->record_line, NULL,
                          _("The column “%s” appears twice. Remove one of them."), header);
            im->header_failed = TRUE;
          }

      g_array_append_val (im->columns, column);
    }
}

/* Values */

static gboolean
parse_int64 (const char *text,
             gint64      min,
             gint64     *value)
{
  guint64 u;
  gboolean negative = FALSE;
  const char *p = text;

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  if (!g_ascii_isdigit (*p) || !g_ascii_string_to_unsigned (p, 10, 0, G_MAXINT64, &u, NULL))
    return FALSE;
  *value = negative ? -(gint64) u : (gint64) u;
  return *value >= min;
}

static gboolean
parse_boolean (const char *text,
               gboolean   *value)
{
  g_autofree char *t = fold (text);
  g_autofree char *yes = fold (yes_label ());
  g_autofree char *no = fold (no_label ());
  const char *truths[] = { "1", "yes", "true", "x", yes, NULL };
  const char *lies[] = { "", "0", "no", "false", no, NULL };

  if (g_strv_contains (truths, t))
    *value = TRUE;
  else if (g_strv_contains (lies, t))
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_enum (GType       enum_type,
            const char *text,
            int        *value)
{
  g_autoptr(GEnumClass) eclass = g_type_class_ref (enum_type);
  g_autofree char *t = NULL;

  /* The nicks first, as an export with field names writes them: folding
   * the labels took a seventh of the import of 200,000 placements. */
  for (guint i = 0; i < eclass->n_values; i++)
    if (g_ascii_strcasecmp (text, eclass->values[i].value_nick) == 0)
      {
        *value = eclass->values[i].value;
        return TRUE;
      }

  t = fold (text);
  for (guint i = 0; i < eclass->n_values; i++)
    {
      GEnumValue *ev = &eclass->values[i];
      g_autofree char *label = fold (se_enum_get_label (enum_type, ev->value));

      if (strcmp (t, label) == 0)
        {
          *value = ev->value;
          return TRUE;
        }
    }
  return FALSE;
}

static GHashTable *
titles_of (Import *im,
           GType   type)
{
  GHashTable *titles = g_hash_table_lookup (im->titles, GSIZE_TO_POINTER (type));
  GListModel *list;
  guint n;

  if (titles != NULL)
    return titles;

  titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  list = se_store_get_list (im->store, type);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SeRecord) r = g_list_model_get_item (list, i);
      char *title = se_record_dup_title (r);
      gint64 id = se_record_get_id (r);

      if (g_hash_table_contains (titles, title))
        id = -1;
      g_hash_table_replace (titles, title, g_memdup2 (&id, sizeof id));
    }

  g_hash_table_insert (im->titles, GSIZE_TO_POINTER (type), titles);
  return titles;
}

/* A reference as a number, or the exact title of a stored record. */
static gboolean
parse_reference (Import        *im,
                 const SeField *f,
                 const char    *text,
                 gint64        *id,
                 guint          line)
{
  GType target = f->target ();
  g_autoptr(GTypeClass) tclass = g_type_class_ref (target);
  const char *kind = se_record_class_get_kind_label (SE_RECORD_CLASS (tclass));
  gint64 *found;

  if (parse_int64 (text, 1, id))
    {
      g_autoptr(SeRecord) r = NULL;

      if (target == im->type)
        {
          /* It may come further down the file: checked at the end. */
          return TRUE;
        }
      r = se_store_lookup (im->store, target, *id);
      if (r != NULL)
        return TRUE;
      /* Translators: %1$s names a column, %2$s a kind of record, %3$s the value in the file */
      add_problemf (im, line, f->name,
                    _("“%1$s”: there is no %2$s with the number %3$s. Import those records "
                      "first or correct the number."), se_field_get_label (f), kind, text);
      return FALSE;
    }

  found = g_hash_table_lookup (titles_of (im, target), text);
  if (found != NULL && *found > 0)
    {
      *id = *found;
      return TRUE;
    }
  if (found != NULL)
    add_problemf (im, line, f->name,
                  /* Translators: %1$s names a column, %2$s a kind of record, %3$s the value */
                  _("“%1$s”: more than one %2$s is called “%3$s”. Write its number instead."),
                  se_field_get_label (f), kind, text);
  else
    add_problemf (im, line, f->name,
                  /* Translators: %1$s names a column, %2$s a kind of record, %3$s the value */
                  _("“%1$s”: there is no %2$s “%3$s”. Write the exact name or the number of an "
                    "existing one, or import those records first."),
                  se_field_get_label (f), kind, text);
  return FALSE;
}

/* Sets one field from the file's text; FALSE with a problem when it is not
 * a value the field can hold. */
static gboolean
set_value (Import        *im,
           SeRecord      *record,
           const SeField *f,
           char          *text,
           guint          line)
{
  const SeFieldTypeInfo *info = se_field_get_info (f);
  const char *label = se_field_get_label (f);
  g_autofree char *value = NULL;

  /* What the export escaped (see looks_like_formula ()). */
  if (info->free_text && text[0] == '\'' && looks_like_formula (text + 1))
    text++;

  switch (info->value)
    {
    case SE_FIELD_VALUE_INT:
      {
        gint64 n = 0;

        g_strstrip (text);
        if (*text != '\0' && (!parse_int64 (text, G_MININT, &n) || n > G_MAXINT))
          {
            /* Translators: %1$s names a column, %2$s is the value in the file */
            add_problemf (im, line, f->name,
                          _("“%1$s” must be a whole number, not “%2$s”."), label, text);
            return FALSE;
          }
        se_record_set_int (record, f->name, (int) n);
      }
      return TRUE;

    case SE_FIELD_VALUE_BOOLEAN:
      {
        gboolean b;

        if (!parse_boolean (text, &b))
          {
            /* Translators: %1$s names a column, %2$s is the value, %3$s and %4$s
             * the words for yes and no */
            add_problemf (im, line, f->name, _("“%1$s” must be “%3$s” or “%4$s”, not “%2$s”."),
                          label, g_strstrip (text), yes_label (), no_label ());
            return FALSE;
          }
        se_record_set_int (record, f->name, b);
      }
      return TRUE;

    case SE_FIELD_VALUE_ENUM:
      {
        int v;

        g_strstrip (text);
        if (*text == '\0')
          return TRUE; /* the default */
        if (!parse_enum (f->target (), text, &v))
          {
            g_autoptr(GEnumClass) eclass = g_type_class_ref (f->target ());
            g_autoptr(GString) choices = g_string_new (NULL);

            for (guint i = 0; i < eclass->n_values; i++)
              g_string_append_printf (choices, "%s“%s”", i > 0 ? C_("list separator", ", ") : "",
                                      se_enum_get_label (f->target (), eclass->values[i].value));
            /* Translators: %1$s names a column, %2$s is the value, %3$s lists the choices */
            add_problemf (im, line, f->name, _("“%1$s” cannot be “%2$s”. Use one of %3$s."),
                          label, text, choices->str);
            return FALSE;
          }
        se_record_set_int (record, f->name, v);
      }
      return TRUE;

    case SE_FIELD_VALUE_REFERENCE:
      {
        gint64 id = 0;

        g_strstrip (text);
        if (*text != '\0' && !parse_reference (im, f, text, &id, line))
          return FALSE;
        se_record_set_reference (record, f->name, id);
      }
      return TRUE;

    case SE_FIELD_VALUE_STRING:
    default:
      if (info->trim)
        g_strstrip (text);
      if (*text != '\0' && info->parse != NULL)
        {
          g_autoptr(GError) error = NULL;

          value = info->parse (text, label, &error);
          if (value == NULL)
            {
              add_problem (im, line, f->name, error->message);
              return FALSE;
            }
        }
      se_record_set_string (record, f->name, value != NULL ? value : text);
      return TRUE;
    }
}

static gboolean
all_empty (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const char *s = g_ptr_array_index (cells, i);

      for (; *s; s++)
        if (!g_ascii_isspace (*s))
          return FALSE;
    }
  return TRUE;
}

static void
save_record (Import   *im,
             SeRecord *record,
             gboolean  keep_id,
             guint     line)
{
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  gboolean ok;

  if (!im->writing)
    return;

  /* New records go in as a bulk insert (see se-store.c); a line that
   * changes a stored record, or a reference resolved at the end, is an
   * ordinary save. The record was validated by the caller. */
  if (im->bulk && (keep_id || se_record_get_id (record) == 0))
    ok = _se_store_bulk_insert (im->store, record, keep_id, &error);
  else if (keep_id)
    ok = _se_store_restore (im->store, record, &error);
  else
    ok = se_store_save (im->store, record, &field, &error);
  if (ok)
    {
      im->n_saved++;
      return;
    }

  add_problem (im, line, field, error->message);
  /* A rule the database enforces ends this line only. Anything else (disk
   * full, I/O) may have ended the transaction: write nothing more. */
  if (error->domain != SE_VALIDATION_ERROR)
    im->writing = FALSE;
}

static void
process_record (Import *im)
{
  guint line = im->record_line;
  guint bad_before = im->n_bad_lines;
  g_autoptr(SeRecord) record = NULL;
  gint64 id = 0;
  gboolean exists = FALSE;
  const char *bad_field = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) self_refs = g_array_new (FALSE, TRUE, sizeof (Deferred));

  g_array_set_clear_func (self_refs, deferred_clear);

  if (!im->have_header)
    {
      process_header (im);
      return;
    }
  if (im->header_failed)
    return;

  if (im->cells_have_nul)
    {
      add_problem (im, line, NULL,
                   _("The line holds a zero byte, which no text may hold. Save the file "
                     "again as CSV from the spreadsheet program."));
      return;
    }
  if (im->cells_bad_utf8)
    {
      add_problem (im, line, NULL,
                   _("The line is not UTF-8 text. Save the file as “CSV UTF-8” (Excel) or "
                     "with the character set “Unicode (UTF-8)” (LibreOffice) and import it "
                     "again."));
      return;
    }

  /* Spreadsheets leave rows of empty cells below the data. */
  if (all_empty (im->cells))
    return;

  if (im->cells->len != im->columns->len)
    {
      /* Translators: %u is a number of columns; the sentence goes on with the
       * number in the header */
      g_autofree char *has = g_strdup_printf (ngettext ("The line has %u column",
                                                        "The line has %u columns",
                                                        im->cells->len), im->cells->len);
      /* Translators: %1$s is the sentence before, %2$u the number of columns of the header */
      add_problemf (im, line, NULL,
                    ngettext ("%1$s, but the header has %2$u. Check for a missing or extra "
                              "separator, or put text with separators in quotation marks.",
                              "%1$s, but the header has %2$u. Check for a missing or extra "
                              "separator, or put text with separators in quotation marks.",
                              im->columns->len), has, im->columns->len);
      return;
    }

  /* The id first: it decides between a new record and an update. */
  for (guint i = 0; i < im->cells->len; i++)
    if (g_array_index (im->columns, int, i) == COLUMN_ID)
      {
        char *text = g_strstrip (g_ptr_array_index (im->cells, i));

        if (*text != '\0' && !parse_int64 (text, 1, &id))
          {
            /* Translators: %s is the value in the file */
            add_problemf (im, line, NULL,
                          _("The ID must be a positive whole number, not “%s”. Leave it empty "
                            "for a new record."), text);
            return;
          }
      }

  if (id != 0)
    {
      if (g_hash_table_contains (im->ids_in_file, &id))
        {
          /* Translators: %s is a record's number */
          g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, id);
          add_problemf (im, line, NULL,
                        _("The ID %s appears on an earlier line too. Every record may appear "
                          "only once."), n);
          return;
        }
      g_hash_table_add (im->ids_in_file, g_memdup2 (&id, sizeof id));

      record = se_store_lookup (im->store, im->type, id);
      exists = record != NULL;
      if (exists)
        {
          SeRecord *copy = se_record_copy (record);
          g_object_unref (record);
          record = copy;
        }
    }
  if (record == NULL)
    {
      record = g_object_new (im->type, NULL);
      se_record_set_id (record, id);
    }

  for (guint i = 0; i < im->cells->len; i++)
    {
      int column = g_array_index (im->columns, int, i);
      const SeField *f;

      if (column == COLUMN_ID)
        continue;
      f = g_ptr_array_index (im->fields, column);
      if (!set_value (im, record, f, g_ptr_array_index (im->cells, i), line))
        continue;

      /* References to this same kind are resolved once the whole file is
       * read: the record referred to may come further down. */
      if (se_field_get_info (f)->value == SE_FIELD_VALUE_REFERENCE && f->target () == im->type)
        {
          gint64 target = se_record_get_reference (record, f->name);
          g_autoptr(SeRecord) stored = target != 0
            ? se_store_lookup (im->store, im->type, target) : NULL;

          if (target != 0 && stored == NULL)
            {
              Deferred d = { 0, g_strdup (f->name), target, line, NULL };
              g_array_append_val (self_refs, d);
            }
        }
    }
  if (im->n_bad_lines != bad_before)
    return;

  if (!se_record_validate (record, &bad_field, &error))
    {
      add_problem (im, line, bad_field, error->message);
      return;
    }

  for (guint i = 0; i < self_refs->len; i++)
    se_record_set_reference (record, g_array_index (self_refs, Deferred, i).field, 0);

  save_record (im, record, id != 0 && !exists, line);

  for (guint i = 0; i < self_refs->len; i++)
    {
      Deferred *d = &g_array_index (self_refs, Deferred, i);

      d->record = g_object_ref (record);
      g_array_append_val (im->deferred, *d);
      d->field = NULL;
      d->record = NULL;
    }
}

/* Feeding the parser */

static gboolean
parser_start (Import  *im,
              char     delim,
              GError **error)
{
  if (csv_init (&im->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    {
      g_set_error_literal (error, SE_CSV_ERROR, SE_CSV_ERROR_FAILED,
                           _("There is not enough memory to read the file. Close other "
                             "programs and try again."));
      return FALSE;
    }
  csv_set_delim (&im->parser, (unsigned char) delim);
  im->parser_ready = TRUE;
  return TRUE;
}

/* After a line that could not be parsed: begin afresh with the next line. */
static void
parser_restart (Import *im)
{
  char delim = (char) csv_get_delim (&im->parser);

  csv_free (&im->parser);
  im->parser_ready = FALSE;
  parser_start (im, delim, NULL);
  g_ptr_array_set_size (im->cells, 0);
  im->cells_bad_utf8 = FALSE;
  im->cells_have_nul = FALSE;
  im->record_open = FALSE;
}

/* Feeds one piece of a physical line; @ends_line when it ends with '\n'. */
static void
feed (Import     *im,
      const char *data,
      gsize       len,
      gboolean    ends_line)
{
  if (!im->record_open && !im->skipping)
    {
      im->record_open = TRUE;
      im->record_line = im->line;
      im->record_bytes = 0;
    }

  if (!im->skipping)
    {
      im->record_bytes += len;
      if (im->record_bytes > MAX_LINE_BYTES)
        {
          add_problem (im, im->record_line, NULL,
                       _("The line is longer than 1 MB. Shorten the texts in it or split "
                         "them over several records."));
          if (!im->have_header)
            {
              im->have_header = TRUE;
              im->header_failed = TRUE;
            }
          parser_restart (im);
          im->skipping = TRUE;
        }
      else if (csv_parse (&im->parser, data, len, cell_cb, record_cb, im) != len)
        {
          guint line = im->record_line;

          add_problem (im, line, NULL,
                       _("A quotation mark is out of place. Put text that holds quotation "
                         "marks, separators or line breaks in quotation marks, and double "
                         "the quotation marks within it."));
          if (!im->have_header)
            {
              im->have_header = TRUE;
              im->header_failed = TRUE;
            }
          parser_restart (im);
          im->skipping = TRUE;
        }
    }

  if (ends_line)
    {
      im->line++;
      if (im->skipping)
        {
          im->skipping = FALSE;
          im->record_open = FALSE;
        }
      else if (im->parser.pstate == LIBCSV_ROW_NOT_BEGUN)
        im->record_open = FALSE; /* a record ended, or the line was blank */
    }
}

static char
sniff_delimiter (const char *data,
                 gsize       len)
{
  guint semicolons = 0, commas = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len && (quoted || (data[i] != '\n' && data[i] != '\r')); i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted)
        {
          semicolons += data[i] == ';';
          commas += data[i] == ',';
          tabs += data[i] == '\t';
        }
    }

  if (tabs > semicolons && tabs > commas)
    return '\t';
  if (commas > semicolons)
    return ',';
  return ';';
}

static gboolean
read_all (Import        *im,
          GInputStream  *stream,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autofree char *buffer = g_malloc (READ_SIZE);
  gboolean first = TRUE;

  for (;;)
    {
      gsize n = 0;
      const char *p = buffer;
      const char *end;

      if (!g_input_stream_read_all (stream, buffer, READ_SIZE, &n, cancellable, error))
        return FALSE;
      if (n == 0)
        break;
      end = buffer + n;
      im->bytes_read += n;

      if (first)
        {
          first = FALSE;
          if (n >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
            p += 3;
          if (!parser_start (im, sniff_delimiter (p, end - p), error))
            return FALSE;
        }

      while (p < end)
        {
          const char *nl = memchr (p, '\n', end - p);
          const char *stop = nl != NULL ? nl + 1 : end;

          feed (im, p, stop - p, nl != NULL);
          p = stop;
        }

      if (im->progress != NULL)
        im->progress (im->bytes_read, MAX (im->bytes_total, im->bytes_read), im->progress_data);

      if (n < READ_SIZE)
        break;
    }

  if (!im->parser_ready)
    return TRUE; /* an empty file */

  if (!im->skipping && csv_fini (&im->parser, cell_cb, record_cb, im) != 0)
    add_problem (im, im->record_line, NULL,
                 _("A quotation mark is not closed before the end of the file. Add the "
                   "closing quotation mark."));
  return TRUE;
}

/* Resolves the references to records of the same kind further down: first
 * checks them all, then, when the whole file is right, stores them. */
static void
resolve_deferred (Import *im)
{
  for (guint i = 0; i < im->deferred->len; i++)
    {
      Deferred *d = &g_array_index (im->deferred, Deferred, i);
      const SeField *f = se_record_class_find_field (im->klass, d->field);
      g_autofree char *n = NULL;

      if (g_hash_table_contains (im->ids_in_file, &d->target))
        continue;

      n = g_strdup_printf ("%" G_GINT64_FORMAT, d->target);
      /* Translators: %1$s names a column, %2$s a kind of record, %3$s the value in the file */
      add_problemf (im, d->line, d->field,
                    _("“%1$s”: there is no %2$s with the number %3$s. Import those records "
                      "first or correct the number."), se_field_get_label (f),
                    se_record_class_get_kind_label (im->klass), n);
    }

  if (im->n_bad_lines > 0)
    return;

  for (guint i = 0; i < im->deferred->len; i++)
    {
      Deferred *d = &g_array_index (im->deferred, Deferred, i);

      se_record_set_reference (d->record, d->field, d->target);
      save_record (im, d->record, FALSE, d->line);
    }
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const SeCsvProblem *pa = *(SeCsvProblem * const *) a;
  const SeCsvProblem *pb = *(SeCsvProblem * const *) b;

  return (pa->line > pb->line) - (pa->line < pb->line);
}

static gboolean
import_stream (SeStore            *store,
               GType               record_type,
               GInputStream       *stream,
               guint64             size,
               SeCsvProgressFunc   progress,
               gpointer            progress_data,
               guint              *n_records,
               GPtrArray         **problems,
               GCancellable       *cancellable,
               GError            **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  Import im = { 0 };
  gboolean ok = FALSE;

  if (n_records != NULL)
    *n_records = 0;
  if (problems != NULL)
    *problems = NULL;

  klass = g_type_class_ref (record_type);
  im.store = store;
  im.type = record_type;
  im.klass = SE_RECORD_CLASS (klass);
  im.fields = csv_fields (im.klass);
  im.line = 1;
  im.cells = g_ptr_array_new_with_free_func (g_free);
  im.columns = g_array_new (FALSE, FALSE, sizeof (int));
  im.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) se_csv_problem_free);
  im.ids_in_file = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  im.titles = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  im.deferred = g_array_new (FALSE, TRUE, sizeof (Deferred));
  g_array_set_clear_func (im.deferred, deferred_clear);
  im.writing = TRUE;
  im.progress = progress;
  im.progress_data = progress_data;
  im.bytes_total = size;

  /* Lookups read the rows themselves (the open transaction's too), so the
   * list of the kind is not loaded: for a large table that alone took
   * longer than the import. */
  if (!se_store_begin (store, error))
    goto out;
  if (!_se_store_bulk_begin (store, record_type, error))
    {
      se_store_rollback (store);
      goto out;
    }
  im.bulk = TRUE;
  if (!read_all (&im, stream, cancellable, error))
    {
      se_store_rollback (store);
      goto out;
    }

  /* The last read may have come before the cancellation, and what follows
   * (the indexes built again, the commit) is the long part of a large
   * import. Nothing is stored once the user cancelled. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      se_store_rollback (store);
      goto out;
    }

  /* Before the references further down are stored: they update rows the
   * bulk inserted, and the audit trail lists the inserts first. */
  im.bulk = FALSE;
  if (im.writing && im.n_bad_lines == 0)
    {
      g_autoptr(GError) local_error = NULL;

      if (!_se_store_bulk_end (store, &local_error))
        {
          add_problem (&im, 0, NULL, local_error->message);
          im.writing = FALSE;
        }
    }

  if (!im.have_header)
    add_problem (&im, 1, NULL,
                 _("The file is empty. It needs a header row that names the columns, and "
                   "one line per record."));
  resolve_deferred (&im);

  if (im.n_bad_lines > 0 || !im.writing)
    {
      se_store_rollback (store);

      g_ptr_array_sort (im.problems, compare_problems);
      if (im.n_left_out > 0)
        {
          SeCsvProblem *p = g_new0 (SeCsvProblem, 1);

          p->message = g_strdup_printf (ngettext ("%u more problem is not shown.",
                                                  "%u more problems are not shown.",
                                                  im.n_left_out), im.n_left_out);
          g_ptr_array_add (im.problems, p);
        }

      g_set_error (error, SE_CSV_ERROR, im.writing ? SE_CSV_ERROR_INVALID : SE_CSV_ERROR_STORE,
                   ngettext ("%u line of the file is wrong. Nothing was imported; correct it "
                             "and import the file again.",
                             "%u lines of the file are wrong. Nothing was imported; correct "
                             "them and import the file again.", im.n_bad_lines),
                   im.n_bad_lines);
      if (problems != NULL)
        *problems = g_steal_pointer (&im.problems);
      goto out;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      se_store_rollback (store);
      goto out;
    }
  if (!se_store_commit (store, error))
    goto out;

  if (n_records != NULL)
    *n_records = im.n_saved - im.deferred->len;
  ok = TRUE;

out:
  if (im.parser_ready)
    csv_free (&im.parser);
  g_clear_pointer (&im.fields, g_ptr_array_unref);
  g_clear_pointer (&im.cells, g_ptr_array_unref);
  g_clear_pointer (&im.columns, g_array_unref);
  g_clear_pointer (&im.problems, g_ptr_array_unref);
  g_clear_pointer (&im.ids_in_file, g_hash_table_unref);
  g_clear_pointer (&im.titles, g_hash_table_unref);
  g_clear_pointer (&im.deferred, g_array_unref);
  return ok;
}

/**
 * se_csv_import:
 * @store: a store, not in a transaction
 * @record_type: the kind the file holds
 * @stream: the CSV file
 * @n_records: (out) (optional): how many records were imported
 * @problems: (out) (optional) (transfer container) (element-type SeCsvProblem):
 *   every bad line, in line order, when the import fails with
 *   %SE_CSV_ERROR_INVALID
 * @error: a #SE_CSV_ERROR
 *
 * Imports records of one kind. The header row names the columns by field
 * name or by label (translated or English); the ID column is optional. A
 * line with the ID of a stored record updates it; an empty ID makes a new
 * record; an unknown ID makes a new record with that ID (so that an export
 * of another database imports unchanged). References are IDs or the exact
 * title of a stored record.
 *
 * Either every line is imported or nothing: when any line is wrong, the
 * database is left as it was and @problems lists each bad line.
 */
gboolean
se_csv_import (SeStore       *store,
               GType          record_type,
               GInputStream  *stream,
               guint         *n_records,
               GPtrArray    **problems,
               GCancellable  *cancellable,
               GError       **error)
{
  g_return_val_if_fail (SE_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_type_is_a (record_type, SE_TYPE_RECORD), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (!se_store_in_transaction (store), FALSE);

  return import_stream (store, record_type, stream, 0, NULL, NULL, n_records, problems,
                        cancellable, error);
}

/**
 * se_csv_import_file:
 *
 * Like se_csv_import(), from the file @path.
 */
gboolean
se_csv_import_file (SeStore     *store,
                    GType        record_type,
                    const char  *path,
                    guint       *n_records,
                    GPtrArray  **problems,
                    GError     **error)
{
  return se_csv_import_file_full (store, record_type, path, NULL, NULL, n_records, problems,
                                  NULL, error);
}

/**
 * se_csv_import_file_full:
 * @progress: (nullable) (scope call): called after each piece of the file
 *   read, in the calling thread, with the bytes read and the file's size
 * @cancellable: (nullable): cancelling it stops the import before it
 *   commits: nothing is imported, and the error is %G_IO_ERROR_CANCELLED
 *
 * Like se_csv_import(), from the file @path, telling how far it got. A
 * worker thread may call it on a store of its own.
 */
gboolean
se_csv_import_file_full (SeStore            *store,
                         GType               record_type,
                         const char         *path,
                         SeCsvProgressFunc   progress,
                         gpointer            progress_data,
                         guint              *n_records,
                         GPtrArray         **problems,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 size = 0;

  g_return_val_if_fail (SE_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_type_is_a (record_type, SE_TYPE_RECORD), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (!se_store_in_transaction (store), FALSE);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      g_autofree char *name = g_filename_display_name (path);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* Translators: %1$s is a file name, %2$s the reason */
      g_set_error (error, SE_CSV_ERROR, SE_CSV_ERROR_FAILED,
                   _("“%1$s” could not be read: %2$s. Check the name and that you may read "
                     "the file."), name, local_error->message);
      return FALSE;
    }

  /* A pipe has no size: the progress then counts bytes only. */
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                         G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  if (info != NULL && g_file_info_get_file_type (info) != G_FILE_TYPE_SPECIAL)
    size = (guint64) g_file_info_get_size (info);

  return import_stream (store, record_type, G_INPUT_STREAM (stream), size, progress,
                        progress_data, n_records, problems, cancellable, error);
}
