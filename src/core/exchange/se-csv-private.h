/* se-csv-private.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the CSV files of core/exchange/ share: the state of an import
 * (se-csv-import.c) that the value parsers (se-csv-values.c) report their
 * problems into, and the labels both directions write and read. */

#pragma once

#include <csv.h>

#include "se-csv.h"
#include "se-field-type.h"
#include "se-store-jobs.h"

G_BEGIN_DECLS

/* How much of a file is read, or written, at a time. */
#define READ_SIZE (64 * 1024)

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

GPtrArray  *_se_csv_fields             (SeRecordClass *klass);
const char *_se_csv_id_label           (void);
const char *_se_csv_yes_label          (void);
const char *_se_csv_no_label           (void);
gboolean    _se_csv_looks_like_formula (const char *value);
void        _se_csv_add_problem        (Import     *im,
                                        guint       line,
                                        const char *field,
                                        const char *message);
G_GNUC_PRINTF (4, 5)
void        _se_csv_add_problemf       (Import     *im,
                                        guint       line,
                                        const char *field,
                                        const char *format,
                                        ...);
char       *_se_csv_fold               (const char *s);
gboolean    _se_csv_parse_int64        (const char *text,
                                        gint64      min,
                                        gint64     *value);
gboolean    _se_csv_set_value          (Import        *im,
                                        SeRecord      *record,
                                        const SeField *f,
                                        char          *text,
                                        guint          line);
gboolean    _se_csv_all_empty          (GPtrArray *cells);

G_END_DECLS
