/* se-csv-import.c
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

/* Importing a CSV file into one record kind: libcsv splits the lines,
 * the header row names the columns, each line is checked and saved in one
 * transaction; see se-csv.c for the format and se-csv-values.c for how
 * a cell becomes a field's value. */

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

/* libcsv's state between rows (ROW_NOT_BEGUN in libcsv.c). It is in the
 * public struct; libcsv has no accessor for it. */
#define LIBCSV_ROW_NOT_BEGUN 0

static void
deferred_clear (gpointer data)
{
  Deferred *d = data;

  g_free (d->field);
  g_clear_object (&d->record);
}

void
_se_csv_add_problem (Import     *im,
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
void
_se_csv_add_problemf (Import     *im,
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

  _se_csv_add_problem (im, line, field, message);
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

char *
_se_csv_fold (const char *s)
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
  g_autofree char *h = _se_csv_fold (header);
  g_autofree char *dashed = g_strdelimit (g_strdup (h), "_ ", '-');
  g_autofree char *id = _se_csv_fold (_se_csv_id_label ());

  if (strcmp (h, "id") == 0 || strcmp (h, id) == 0)
    {
      *column = COLUMN_ID;
      return TRUE;
    }

  for (guint i = 0; i < im->fields->len; i++)
    {
      const SeField *f = g_ptr_array_index (im->fields, i);
      g_autofree char *label = _se_csv_fold (se_field_get_label (f));
      g_autofree char *english = _se_csv_fold (f->label);

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
      g_autofree char *former = _se_csv_fold (former_headers[j].header);

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
      _se_csv_add_problem (im, im->record_line, NULL,
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
          _se_csv_add_problemf (im, im->record_line, NULL,
                                _("The column “%1$s” is unknown. Rename it to one of %2$s, or to "
                                  "“ID”, or remove it."), header, known->str);
          im->header_failed = TRUE;
          continue;
        }

      for (guint j = 0; j < im->columns->len; j++)
        if (g_array_index (im->columns, int, j) == column)
          {
            /* Translators: %s is a column heading from the file */
            _se_csv_add_problemf (im, im->record_line, NULL,
                                  _("The column “%s” appears twice. Remove one of them."), header);
            im->header_failed = TRUE;
          }

      g_array_append_val (im->columns, column);
    }
}

/* A line the bulk insert kept back and the database refused later: it
 * ends that line only, as in save_record () */
static void
bulk_refused (gpointer      user_data,
              guint         line,
              const GError *error)
{
  Import *im = user_data;

  im->n_saved--;
  _se_csv_add_problem (im, line, NULL, error->message);
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
    ok = _se_store_bulk_insert (im->store, record, keep_id, line, &error);
  else if (keep_id)
    ok = _se_store_restore (im->store, record, &error);
  else
    ok = se_store_save (im->store, record, &field, &error);
  if (ok)
    {
      im->n_saved++;
      return;
    }

  _se_csv_add_problem (im, line, field, error->message);
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
      _se_csv_add_problem (im, line, NULL,
                           _("The line holds a zero byte, which no text may hold. Save the file "
                             "again as CSV from the spreadsheet program."));
      return;
    }
  if (im->cells_bad_utf8)
    {
      _se_csv_add_problem (im, line, NULL,
                           _("The line is not UTF-8 text. Save the file as “CSV UTF-8” (Excel) or "
                             "with the character set “Unicode (UTF-8)” (LibreOffice) and import it "
                             "again."));
      return;
    }

  /* Spreadsheets leave rows of empty cells below the data. */
  if (_se_csv_all_empty (im->cells))
    return;

  if (im->cells->len != im->columns->len)
    {
      /* Translators: %u is a number of columns; the sentence goes on with the
       * number in the header */
      g_autofree char *has = g_strdup_printf (ngettext ("The line has %u column",
                                                        "The line has %u columns",
                                                        im->cells->len), im->cells->len);
      /* Translators: %1$s is the sentence before, %2$u the number of columns of the header */
      _se_csv_add_problemf (im, line, NULL,
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

        if (*text != '\0' && !_se_csv_parse_int64 (text, 1, &id))
          {
            /* Translators: %s is the value in the file */
            _se_csv_add_problemf (im, line, NULL,
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
          _se_csv_add_problemf (im, line, NULL,
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
      if (!_se_csv_set_value (im, record, f, g_ptr_array_index (im->cells, i), line))
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
      _se_csv_add_problem (im, line, bad_field, error->message);
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
          _se_csv_add_problem (im, im->record_line, NULL,
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

          _se_csv_add_problem (im, line, NULL,
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
    _se_csv_add_problem (im, im->record_line, NULL,
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
      _se_csv_add_problemf (im, d->line, d->field,
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
  im.fields = _se_csv_fields (im.klass);
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
  if (!_se_store_bulk_begin (store, record_type, bulk_refused, &im, error))
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
  /* The lines the store kept back go in now, so that any it refuses
   * count among the wrong ones below */
  if (im.writing)
    {
      g_autoptr(GError) local_error = NULL;

      if (!_se_store_bulk_flush (store, &local_error))
        {
          _se_csv_add_problem (&im, 0, NULL, local_error->message);
          im.writing = FALSE;
        }
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
          _se_csv_add_problem (&im, 0, NULL, local_error->message);
          im.writing = FALSE;
        }
    }

  if (!im.have_header)
    _se_csv_add_problem (&im, 1, NULL,
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
