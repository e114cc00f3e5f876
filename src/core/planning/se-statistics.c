/* se-statistics.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-planning"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "se-date.h"
#include "se-describe.h"
#include "se-enums.h"
#include "se-organisation.h"
#include "se-partnership.h"
#include "se-placement.h"
#include "se-private-file.h"
#include "se-statistics.h"
#include "se-store-statistics.h"

/* What is counted is described in se-statistics.h. The sums are made by
 * SQL (se-store-statistics.c), grouped as the rows are, so that even
 * 200,000 placements are counted without loading them; here they get
 * their labels. The files are written to a temporary name and renamed, so that a failed
 * export never leaves half a file under the user's name. */

G_DEFINE_QUARK (se-statistics-error-quark, se_statistics_error)

struct _SeStatistics
{
  GArray          *rows[SE_STATISTICS_N_GROUPINGS];
  SeStatisticsRow  total;
};

const char *
se_statistics_grouping_get_label (SeStatisticsGrouping grouping)
{
  switch (grouping)
    {
    case SE_STATISTICS_BY_YEAR: return C_("statistics", "Year");
    case SE_STATISTICS_BY_PARTNERSHIP: return C_("statistics", "Partnership");
    case SE_STATISTICS_BY_KIND: return C_("statistics", "Kind");
    case SE_STATISTICS_BY_DIRECTION: return C_("statistics", "Direction");
    default: return NULL;
    }
}

static void
clear_row (gpointer data)
{
  SeStatisticsRow *row = data;

  g_free (row->label);
}

/* Finds or makes the row of @label in a grouping being built. */
static SeStatisticsRow *
row_for (GHashTable *rows,
         const char *label,
         gint64      key)
{
  SeStatisticsRow *row = g_hash_table_lookup (rows, label);

  if (row == NULL)
    {
      row = g_new0 (SeStatisticsRow, 1);
      row->label = g_strdup (label);
      row->key = key;
      g_hash_table_insert (rows, row->label, row);
    }
  return row;
}

/* A row being sorted, with its label's collation key: made once per row,
 * as g_utf8_collate () would make two for every comparison, and a
 * database of 200,000 placements has as many directions. */
typedef struct
{
  SeStatisticsRow *row;
  char            *collation_key;
} Sorted;

static int
compare_by_key (gconstpointer a,
                gconstpointer b)
{
  const Sorted *x = a, *y = b;

  if (x->row->key != y->row->key)
    return x->row->key < y->row->key ? -1 : 1;
  return strcmp (x->collation_key, y->collation_key);
}

static int
compare_by_label (gconstpointer a,
                  gconstpointer b)
{
  const Sorted *x = a, *y = b;

  return strcmp (x->collation_key, y->collation_key);
}

static GArray *
finish (GHashTable   *rows,
        GCompareFunc  compare)
{
  GArray *array = g_array_sized_new (FALSE, TRUE, sizeof (SeStatisticsRow),
                                     g_hash_table_size (rows));
  g_autofree Sorted *sorted = g_new (Sorted, g_hash_table_size (rows));
  guint n = 0;
  GHashTableIter iter;
  gpointer value;

  g_array_set_clear_func (array, clear_row);
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SeStatisticsRow *row = value;

      sorted[n].row = row;
      sorted[n].collation_key = g_utf8_collate_key (row->label, -1);
      n++;
    }
  qsort (sorted, n, sizeof *sorted, compare);

  /* The array takes over the labels. */
  g_hash_table_steal_all (rows);
  for (guint i = 0; i < n; i++)
    {
      g_array_append_vals (array, sorted[i].row, 1);
      g_free (sorted[i].row);
      g_free (sorted[i].collation_key);
    }
  return array;
}

/* Adds the sums of one group of SQL's to the row of @label: groups that
 * read alike (two directions between organisations of the same short
 * name) make one row, as one bar would show them. */
static void
add_sum (GHashTable       *rows,
         const char       *label,
         gint64            key,
         const SeStoreSum *sum)
{
  SeStatisticsRow *row = row_for (rows, label, key);

  row->placements += sum->placements;
  row->days += sum->days;
  row->guests += sum->guests;
  row->guest_days += sum->guest_days;
}

static char *
short_name (SeStore    *store,
            GHashTable *names,
            gint64      organisation_id)
{
  const char *name = g_hash_table_lookup (names, GSIZE_TO_POINTER ((gsize) organisation_id));

  if (name == NULL)
    {
      g_autoptr(SeRecord) org = se_store_lookup (store, SE_TYPE_ORGANISATION, organisation_id);

      if (org == NULL)
        name = "?";
      else if (se_record_get_string (org, "short-name") != NULL)
        name = se_record_get_string (org, "short-name");
      else
        name = se_record_get_string (org, "name");
      g_hash_table_insert (names, GSIZE_TO_POINTER ((gsize) organisation_id), g_strdup (name));
      name = g_hash_table_lookup (names, GSIZE_TO_POINTER ((gsize) organisation_id));
    }
  return g_strdup (name);
}

/* Labels made once per id, for the many groups that share them */
typedef struct
{
  SeStore    *store;
  GHashTable *names;         /* organisation id -> short name */
  GHashTable *partnerships;  /* partnership id -> label */
} Labels;

static const char *
partnership_label (Labels *l,
                   gint64  id)
{
  char *label = g_hash_table_lookup (l->partnerships, GSIZE_TO_POINTER ((gsize) id));

  if (label == NULL)
    {
      g_autoptr(SeRecord) partnership = NULL;

      if (id == 0)
        label = g_strdup (C_("statistics", "No partnership"));
      else if ((partnership = se_store_lookup (l->store, SE_TYPE_PARTNERSHIP, id)) != NULL)
        label = se_describe_title (l->store, partnership);
      else
        label = g_strdup ("");
      g_hash_table_insert (l->partnerships, GSIZE_TO_POINTER ((gsize) id), label);
    }
  return label;
}

static const char *
kind_label (const char *nick,
            gint64     *value)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (SE_TYPE_PLACEMENT_KIND);
  GEnumValue *v = g_enum_get_value_by_nick (kinds, nick != NULL ? nick : "");

  *value = v != NULL ? v->value : 0;
  return se_enum_get_label (SE_TYPE_PLACEMENT_KIND, (int) *value);
}

static char *
direction_label (Labels           *l,
                 const SeStoreSum *sum)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (sum->id_a == 0)
    return g_strdup (C_("statistics", "Not recorded"));
  a = short_name (l->store, l->names, sum->id_a);
  b = short_name (l->store, l->names, sum->id_b);
  /* Translators: a direction of exchange, from one organisation to another */
  return g_strdup_printf (C_("direction", "%s → %s"), a, b);
}

/**
 * se_statistics_compute:
 * @store: an open store
 *
 * Returns: (transfer full): the numbers, as described in se-statistics.h;
 *   all zero if the database could not be read
 */
SeStatistics *
se_statistics_compute (SeStore *store)
{
  SeStatistics *self = g_new0 (SeStatistics, 1);
  g_autoptr(GHashTable) names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) partnerships = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  Labels l = { store, names, partnerships };
  g_autoptr(GArray) sums = NULL;
  g_autoptr(GArray) directions = NULL;
  GHashTable *rows[SE_STATISTICS_N_GROUPINGS];

  g_return_val_if_fail (SE_IS_STORE (store), self);

  /* The keys are the rows' own labels, freed with the rows. */
  for (guint g = 0; g < SE_STATISTICS_N_GROUPINGS; g++)
    rows[g] = g_hash_table_new (g_str_hash, g_str_equal);

  sums = se_store_sum_placements (store, SE_STORE_SUM_BY_YEAR_PARTNERSHIP_KIND, NULL);
  for (guint i = 0; sums != NULL && i < sums->len; i++)
    {
      const SeStoreSum *sum = &g_array_index (sums, SeStoreSum, i);
      const char *kind;
      gint64 kind_value;

      add_sum (rows[SE_STATISTICS_BY_YEAR], sum->year, g_ascii_strtoll (sum->year, NULL, 10), sum);
      add_sum (rows[SE_STATISTICS_BY_PARTNERSHIP], partnership_label (&l, sum->id_a), sum->id_a,
               sum);
      kind = kind_label (sum->kind, &kind_value);
      add_sum (rows[SE_STATISTICS_BY_KIND], kind, kind_value, sum);
      self->total.placements += sum->placements;
      self->total.days += sum->days;
      self->total.guests += sum->guests;
      self->total.guest_days += sum->guest_days;
    }

  directions = se_store_sum_placements (store, SE_STORE_SUM_BY_DIRECTION, NULL);
  for (guint i = 0; directions != NULL && i < directions->len; i++)
    {
      const SeStoreSum *sum = &g_array_index (directions, SeStoreSum, i);
      g_autofree char *label = direction_label (&l, sum);

      add_sum (rows[SE_STATISTICS_BY_DIRECTION], label, 0, sum);
    }

  self->rows[SE_STATISTICS_BY_YEAR] = finish (rows[SE_STATISTICS_BY_YEAR], compare_by_key);
  self->rows[SE_STATISTICS_BY_PARTNERSHIP] = finish (rows[SE_STATISTICS_BY_PARTNERSHIP],
                                                     compare_by_label);
  self->rows[SE_STATISTICS_BY_KIND] = finish (rows[SE_STATISTICS_BY_KIND], compare_by_key);
  self->rows[SE_STATISTICS_BY_DIRECTION] = finish (rows[SE_STATISTICS_BY_DIRECTION],
                                                   compare_by_label);
  for (guint g = 0; g < SE_STATISTICS_N_GROUPINGS; g++)
    g_hash_table_unref (rows[g]);

  self->total.label = g_strdup (C_("statistics", "Total"));
  return self;
}

void
se_statistics_free (SeStatistics *self)
{
  if (self == NULL)
    return;
  for (guint g = 0; g < SE_STATISTICS_N_GROUPINGS; g++)
    g_clear_pointer (&self->rows[g], g_array_unref);
  g_free (self->total.label);
  g_free (self);
}

/**
 * se_statistics_get_rows:
 * @n_rows: (out): the number of rows
 *
 * Returns: (transfer none) (array length=n_rows): the rows of @grouping:
 *   years and kinds in their order, partnerships and directions by name
 */
const SeStatisticsRow *
se_statistics_get_rows (SeStatistics         *self,
                        SeStatisticsGrouping  grouping,
                        guint                *n_rows)
{
  g_return_val_if_fail (self != NULL && grouping < SE_STATISTICS_N_GROUPINGS, NULL);
  g_return_val_if_fail (n_rows != NULL, NULL);

  *n_rows = self->rows[grouping]->len;
  return (const SeStatisticsRow *) (gconstpointer) self->rows[grouping]->data;
}

/**
 * se_statistics_find_row:
 *
 * Returns: (transfer none) (nullable): the row of @grouping labelled @label
 */
const SeStatisticsRow *
se_statistics_find_row (SeStatistics         *self,
                        SeStatisticsGrouping  grouping,
                        const char           *label)
{
  guint n;
  const SeStatisticsRow *rows = se_statistics_get_rows (self, grouping, &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (rows[i].label, label) == 0)
      return &rows[i];
  return NULL;
}

const SeStatisticsRow *
se_statistics_get_total (SeStatistics *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->total;
}

/* A row's place in its grouping, for picking the largest */
typedef struct
{
  const SeStatisticsRow *row;
  guint                  index;
} Ranked;

static int
compare_by_placements (gconstpointer a,
                       gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->row->placements != y->row->placements)
    return x->row->placements > y->row->placements ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static int
compare_by_index (gconstpointer a,
                  gconstpointer b)
{
  const Ranked *x = a, *y = b;

  return x->index < y->index ? -1 : x->index > y->index;
}

static void
append_copy (GArray                *array,
             const SeStatisticsRow *row)
{
  SeStatisticsRow copy = *row;

  copy.label = g_strdup (row->label);
  g_array_append_val (array, copy);
}

/**
 * se_statistics_get_top_rows:
 * @max_rows: at most this many rows, 2 or more
 * @n_combined: (out) (optional): how many groups the last row combines, 0
 *   when all groups fit
 *
 * The rows of @grouping for a chart or a printed page, which cannot show
 * thousands of partnerships: all of them when there are @max_rows or
 * fewer, else the @max_rows − 1 largest by placements and a last row
 * "All others" with the sums of the rest (key -1). Years and kinds keep
 * their order, partnerships and directions come largest first. Ties go to
 * the row that comes first in the grouping.
 *
 * Returns: (transfer full) (element-type SeStatisticsRow): copies of the rows
 */
GArray *
se_statistics_get_top_rows (SeStatistics         *self,
                            SeStatisticsGrouping  grouping,
                            guint                 max_rows,
                            guint                *n_combined)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (SeStatisticsRow));
  g_autofree Ranked *ranked = NULL;
  SeStatisticsRow others = { 0 };
  const SeStatisticsRow *rows;
  guint n, n_top;

  g_array_set_clear_func (array, clear_row);
  if (n_combined != NULL)
    *n_combined = 0;
  g_return_val_if_fail (self != NULL && grouping < SE_STATISTICS_N_GROUPINGS, array);
  g_return_val_if_fail (max_rows >= 2, array);

  rows = se_statistics_get_rows (self, grouping, &n);
  if (n <= max_rows)
    {
      for (guint i = 0; i < n; i++)
        append_copy (array, &rows[i]);
      return array;
    }

  ranked = g_new (Ranked, n);
  for (guint i = 0; i < n; i++)
    {
      ranked[i].row = &rows[i];
      ranked[i].index = i;
    }
  qsort (ranked, n, sizeof *ranked, compare_by_placements);
  n_top = max_rows - 1;
  for (guint i = n_top; i < n; i++)
    {
      others.placements += ranked[i].row->placements;
      others.days += ranked[i].row->days;
      others.guests += ranked[i].row->guests;
      others.guest_days += ranked[i].row->guest_days;
    }
  /* A timeline or the list of kinds reads in its own order. */
  if (grouping == SE_STATISTICS_BY_YEAR || grouping == SE_STATISTICS_BY_KIND)
    qsort (ranked, n_top, sizeof *ranked, compare_by_index);
  for (guint i = 0; i < n_top; i++)
    append_copy (array, ranked[i].row);

  /* Translators: the last bar of a chart, which sums the groups that are
   * not shown one by one (the smaller partnerships, say) */
  others.label = g_strdup (C_("statistics", "All others"));
  others.key = -1;
  g_array_append_val (array, others);
  if (n_combined != NULL)
    *n_combined = n - n_top;
  return array;
}

/* Export */

static const char *
column_label (guint column)
{
  switch (column)
    {
    case 0: return C_("statistics column", "Grouping");
    case 1: return C_("statistics column", "Group");
    case 2: return C_("statistics column", "Placements");
    case 3: return C_("statistics column", "Days");
    case 4: return C_("statistics column", "Guests");
    case 5: return C_("statistics column", "Guest days");
    default: return NULL;
    }
}

#define N_COLUMNS 6

static void
append_csv_field (GString    *csv,
                  const char *text)
{
  if (strpbrk (text, ";\"\r\n") == NULL)
    {
      g_string_append (csv, text);
      return;
    }
  g_string_append_c (csv, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static void
append_csv_row (GString               *csv,
                const char            *grouping,
                const SeStatisticsRow *row)
{
  append_csv_field (csv, grouping);
  g_string_append_c (csv, ';');
  append_csv_field (csv, row->label);
  g_string_append_printf (csv, ";%u;%u;%u;%u\r\n",
                          row->placements, row->days, row->guests, row->guest_days);
}

/**
 * se_statistics_to_csv:
 *
 * Returns: (transfer full): every grouping as one table, UTF-8, fields
 *   separated by semicolons (as spreadsheets in German locales expect),
 *   lines ended by CRLF, a header row of translated column names, and the
 *   total as the last row
 */
char *
se_statistics_to_csv (SeStatistics *self)
{
  GString *csv = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (csv, ';');
      append_csv_field (csv, column_label (c));
    }
  g_string_append (csv, "\r\n");

  for (guint g = 0; g < SE_STATISTICS_N_GROUPINGS; g++)
    {
      guint n;
      const SeStatisticsRow *rows = se_statistics_get_rows (self, g, &n);

      for (guint i = 0; i < n; i++)
        append_csv_row (csv, se_statistics_grouping_get_label (g), &rows[i]);
    }
  append_csv_row (csv, self->total.label, &self->total);

  return g_string_free (csv, FALSE);
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_autofree char *name = g_filename_display_name (path);

  /* Translators: %1$s is a file name, %2$s the reason */
  g_set_error (error, SE_STATISTICS_ERROR, SE_STATISTICS_ERROR_WRITE,
               _("The statistics could not be written to “%1$s”: %2$s. Choose another "
                 "folder or free some space and try again."), name, reason);
}

gboolean
se_statistics_export_csv (SeStatistics  *self,
                          const char    *path,
                          GError       **error)
{
  g_autofree char *csv = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  csv = se_statistics_to_csv (self);
  if (!se_private_file_write (path, csv, -1, &local))
    {
      set_write_error (error, path, local->message);
      return FALSE;
    }
  return TRUE;
}

/* A worksheet name: at most 31 characters, none of []:*?/\ */
static char *
sheet_name (const char *label)
{
  g_autofree char *clean = g_strdup (label);
  const char *end;

  g_strdelimit (clean, "[]:*?/\\", '-');
  end = g_utf8_offset_to_pointer (clean, MIN (g_utf8_strlen (clean, -1), 31));
  return g_strndup (clean, (gsize) (end - clean));
}

static void
write_sheet (lxw_workbook         *workbook,
             lxw_format           *bold,
             SeStatistics         *self,
             SeStatisticsGrouping  grouping)
{
  g_autofree char *name = sheet_name (se_statistics_grouping_get_label (grouping));
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, name);
  guint n;
  const SeStatisticsRow *rows = se_statistics_get_rows (self, grouping, &n);
  lxw_row_t last;

  worksheet_write_string (sheet, 0, 0, se_statistics_grouping_get_label (grouping), bold);
  for (guint c = 2; c < N_COLUMNS; c++)
    worksheet_write_string (sheet, 0, (lxw_col_t) (c - 1), column_label (c), bold);

  for (guint i = 0; i < n; i++)
    {
      lxw_row_t r = (lxw_row_t) (i + 1);

      worksheet_write_string (sheet, r, 0, rows[i].label, NULL);
      worksheet_write_number (sheet, r, 1, rows[i].placements, NULL);
      worksheet_write_number (sheet, r, 2, rows[i].days, NULL);
      worksheet_write_number (sheet, r, 3, rows[i].guests, NULL);
      worksheet_write_number (sheet, r, 4, rows[i].guest_days, NULL);
    }

  last = (lxw_row_t) (n + 1);
  worksheet_write_string (sheet, last, 0, self->total.label, bold);
  /* The placement total, not the sum of the rows: a job swap counts in
   * both directions. */
  worksheet_write_number (sheet, last, 1, self->total.placements, bold);
  worksheet_write_number (sheet, last, 2, self->total.days, bold);
  worksheet_write_number (sheet, last, 3, self->total.guests, bold);
  worksheet_write_number (sheet, last, 4, self->total.guest_days, bold);
  worksheet_set_column (sheet, 0, 0, 45, NULL);
  worksheet_set_column (sheet, 1, 4, 12, NULL);

  if (n > 0)
    {
      lxw_chart *chart = workbook_add_chart (workbook, LXW_CHART_BAR);
      lxw_chart_series *series;

      series = chart_add_series (chart, NULL, NULL);
      chart_series_set_categories (series, name, 1, 0, (lxw_row_t) n, 0);
      chart_series_set_values (series, name, 1, 1, (lxw_row_t) n, 1);
      chart_series_set_name_range (series, name, 0, 1);
      series = chart_add_series (chart, NULL, NULL);
      chart_series_set_categories (series, name, 1, 0, (lxw_row_t) n, 0);
      chart_series_set_values (series, name, 1, 2, (lxw_row_t) n, 2);
      chart_series_set_name_range (series, name, 0, 2);
      chart_title_set_name (chart, se_statistics_grouping_get_label (grouping));
      worksheet_insert_chart (sheet, 1, 6, chart);
    }
}

/**
 * se_statistics_export_xlsx:
 *
 * Writes an Excel workbook with one worksheet per grouping, each a table
 * with its total and a bar chart of placements and days.
 */
gboolean
se_statistics_export_xlsx (SeStatistics  *self,
                           const char    *path,
                           GError       **error)
{
  g_autoptr(SePrivateFile) file = NULL;
  g_autoptr(GError) local = NULL;
  lxw_workbook *workbook;
  lxw_format *bold;
  lxw_error rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* libxlsxwriter writes to a file name: the temporary one. */
  file = se_private_file_open (path, &local);
  if (file == NULL)
    {
      set_write_error (error, path, local->message);
      return FALSE;
    }

  workbook = workbook_new (se_private_file_get_temp_path (file));
  if (workbook == NULL)
    {
      set_write_error (error, path, g_strerror (ENOMEM));
      return FALSE;
    }

  bold = workbook_add_format (workbook);
  format_set_bold (bold);
  for (guint g = 0; g < SE_STATISTICS_N_GROUPINGS; g++)
    write_sheet (workbook, bold, self, g);

  rc = workbook_close (workbook);
  if (rc != LXW_NO_ERROR)
    {
      set_write_error (error, path, lxw_strerror (rc));
      return FALSE;
    }

  if (!se_private_file_commit (g_steal_pointer (&file), &local))
    {
      set_write_error (error, path, local->message);
      return FALSE;
    }
  return TRUE;
}
