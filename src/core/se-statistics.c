/* se-statistics.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "se-agreement.h"
#include "se-date.h"
#include "se-describe.h"
#include "se-enums.h"
#include "se-organisation.h"
#include "se-participant.h"
#include "se-partnership.h"
#include "se-placement.h"
#include "se-statistics.h"

/* What is counted is described in se-statistics.h. The numbers are made in
 * one pass over the placements with the participants indexed by placement;
 * the files are written to a temporary name and renamed, so that a failed
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

static void
count (SeStatisticsRow *row,
       guint            days,
       guint            guests)
{
  row->placements++;
  row->days += days;
  row->guests += guests;
  row->guest_days += days * guests;
}

static char *
short_name (SeStore *store,
            gint64   organisation_id)
{
  g_autoptr(SeRecord) org = se_store_lookup (store, SE_TYPE_ORGANISATION, organisation_id);
  const char *name;

  if (org == NULL)
    return g_strdup ("?");
  name = se_record_get_string (org, "short-name");
  return g_strdup (name != NULL ? name : se_record_get_string (org, "name"));
}

static char *
direction_label (SeStore *store,
                 gint64   from,
                 gint64   to)
{
  g_autofree char *a = short_name (store, from);
  g_autofree char *b = short_name (store, to);

  /* Translators: a direction of exchange, from one organisation to another */
  return g_strdup_printf (C_("direction", "%s → %s"), a, b);
}

typedef struct
{
  gint64 home;
  gint64 host;
  guint  guests;
} Direction;

/* The directions a placement's guests travel in, with their numbers. */
static GArray *
directions_of (SeStore    *store,
               SeRecord   *placement,
               GPtrArray  *participants)
{
  GArray *dirs = g_array_new (FALSE, TRUE, sizeof (Direction));

  for (guint i = 0; participants != NULL && i < participants->len; i++)
    {
      SeRecord *p = g_ptr_array_index (participants, i);
      Direction d = { se_record_get_reference (p, "home-organisation-id"),
                      se_record_get_reference (p, "host-organisation-id"), 1 };
      gboolean found = FALSE;

      if (se_record_get_int (p, "role") != SE_PARTICIPANT_ROLE_GUEST)
        continue;
      for (guint j = 0; j < dirs->len && !found; j++)
        {
          Direction *e = &g_array_index (dirs, Direction, j);
          if (e->home == d.home && e->host == d.host)
            {
              e->guests++;
              found = TRUE;
            }
        }
      if (!found)
        g_array_append_val (dirs, d);
    }

  if (dirs->len == 0)
    {
      g_autoptr(SeRecord) agreement = se_store_lookup (store, SE_TYPE_AGREEMENT,
                                                       se_record_get_reference (placement,
                                                                                "agreement-id"));
      g_autoptr(SeRecord) partnership = se_store_lookup (store, SE_TYPE_PARTNERSHIP,
                                                         se_record_get_reference (placement,
                                                                                  "partnership-id"));
      Direction d = { 0, 0, 0 };

      if (agreement != NULL)
        {
          d.home = se_record_get_reference (agreement, "party-a-id");
          d.host = se_record_get_reference (agreement, "party-b-id");
        }
      else if (partnership != NULL)
        {
          d.home = se_record_get_reference (partnership, "organisation-a-id");
          d.host = se_record_get_reference (partnership, "organisation-b-id");
        }
      g_array_append_val (dirs, d);
    }

  return dirs;
}

static int
compare_by_key (gconstpointer a,
                gconstpointer b)
{
  const SeStatisticsRow *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return g_utf8_collate (x->label, y->label);
}

static int
compare_by_label (gconstpointer a,
                  gconstpointer b)
{
  const SeStatisticsRow *x = a, *y = b;

  return g_utf8_collate (x->label, y->label);
}

static GArray *
finish (GHashTable   *rows,
        GCompareFunc  compare)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (SeStatisticsRow));
  GHashTableIter iter;
  gpointer value;

  g_array_set_clear_func (array, clear_row);
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      /* The array takes over the label. */
      g_array_append_vals (array, value, 1);
      g_hash_table_iter_steal (&iter);
      g_free (value);
    }
  g_array_sort (array, compare);
  return array;
}

/**
 * se_statistics_compute:
 * @store: an open store
 *
 * Returns: (transfer full): the numbers, as described in se-statistics.h
 */
SeStatistics *
se_statistics_compute (SeStore *store)
{
  SeStatistics *self = g_new0 (SeStatistics, 1);
  GListModel *placements, *participants;
  g_autoptr(GHashTable) by_placement = NULL;
  GHashTable *groups[SE_STATISTICS_N_GROUPINGS];

  g_return_val_if_fail (SE_IS_STORE (store), self);

  /* The keys are the rows' own labels, freed with the rows. */
  for (guint g = 0; g < SE_STATISTICS_N_GROUPINGS; g++)
    groups[g] = g_hash_table_new (g_str_hash, g_str_equal);

  by_placement = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  participants = se_store_get_list (store, SE_TYPE_PARTICIPANT);
  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(SeRecord) p = g_list_model_get_item (participants, i);
      gpointer key = GSIZE_TO_POINTER ((gsize) se_record_get_reference (p, "placement-id"));
      GPtrArray *list = g_hash_table_lookup (by_placement, key);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_placement, key, list);
        }
      /* Borrowed: the store's list keeps it. */
      g_ptr_array_add (list, p);
    }

  placements = se_store_get_list (store, SE_TYPE_PLACEMENT);
  for (guint i = 0; i < g_list_model_get_n_items (placements); i++)
    {
      g_autoptr(SeRecord) p = g_list_model_get_item (placements, i);
      const char *start = se_record_get_string (p, "start-date");
      guint days = (guint) se_date_days_between (start, se_record_get_string (p, "end-date"));
      GPtrArray *people = g_hash_table_lookup (by_placement,
                                               GSIZE_TO_POINTER ((gsize) se_record_get_id (p)));
      g_autoptr(GArray) dirs = NULL;
      gint64 partnership_id = se_record_get_reference (p, "partnership-id");
      int kind = se_record_get_int (p, "kind");
      g_autofree char *year = NULL;
      g_autofree char *partnership = NULL;
      guint guests = 0;

      if (se_record_get_int (p, "status") == SE_PLACEMENT_STATUS_CANCELLED || start == NULL)
        continue;

      dirs = directions_of (store, p, people);
      for (guint d = 0; d < dirs->len; d++)
        guests += g_array_index (dirs, Direction, d).guests;

      count (&self->total, days, guests);

      year = g_strndup (start, 4);
      count (row_for (groups[SE_STATISTICS_BY_YEAR], year, g_ascii_strtoll (year, NULL, 10)),
             days, guests);

      if (partnership_id != 0)
        partnership = se_describe_reference (store, p, "partnership-id");
      else
        partnership = g_strdup (C_("statistics", "No partnership"));
      count (row_for (groups[SE_STATISTICS_BY_PARTNERSHIP], partnership, partnership_id),
             days, guests);

      count (row_for (groups[SE_STATISTICS_BY_KIND], se_enum_get_label (SE_TYPE_PLACEMENT_KIND,
                                                                         kind), kind),
             days, guests);

      for (guint d = 0; d < dirs->len; d++)
        {
          Direction *dir = &g_array_index (dirs, Direction, d);
          g_autofree char *label = NULL;

          if (dir->home == 0)
            label = g_strdup (C_("statistics", "Not recorded"));
          else
            label = direction_label (store, dir->home, dir->host);
          count (row_for (groups[SE_STATISTICS_BY_DIRECTION], label, 0), days, dir->guests);
        }
    }

  self->rows[SE_STATISTICS_BY_YEAR] = finish (groups[SE_STATISTICS_BY_YEAR], compare_by_key);
  self->rows[SE_STATISTICS_BY_PARTNERSHIP] = finish (groups[SE_STATISTICS_BY_PARTNERSHIP],
                                                     compare_by_label);
  self->rows[SE_STATISTICS_BY_KIND] = finish (groups[SE_STATISTICS_BY_KIND], compare_by_key);
  self->rows[SE_STATISTICS_BY_DIRECTION] = finish (groups[SE_STATISTICS_BY_DIRECTION],
                                                   compare_by_label);
  for (guint g = 0; g < SE_STATISTICS_N_GROUPINGS; g++)
    g_hash_table_unref (groups[g]);

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
  if (!g_file_set_contents_full (path, csv, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local))
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
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  lxw_workbook *workbook;
  lxw_format *bold;
  lxw_error rc;
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* In the target's folder, so that the rename cannot cross file systems. */
  dir = g_path_get_dirname (path);
  tmp = g_build_filename (dir, ".staff-exchange-XXXXXX.xlsx", NULL);
  fd = g_mkstemp_full (tmp, O_RDWR, 0600);
  if (fd < 0)
    {
      set_write_error (error, path, g_strerror (errno));
      return FALSE;
    }
  close (fd);

  workbook = workbook_new (tmp);
  if (workbook == NULL)
    {
      g_unlink (tmp);
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
      g_unlink (tmp);
      set_write_error (error, path, lxw_strerror (rc));
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      set_write_error (error, path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
