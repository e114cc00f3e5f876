/* se-csv.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "se-store.h"

G_BEGIN_DECLS

#define SE_CSV_ERROR (se_csv_error_quark ())

typedef enum
{
  /* the file could not be read or written */
  SE_CSV_ERROR_FAILED,
  /* lines of the file are wrong: see the problems; nothing was imported */
  SE_CSV_ERROR_INVALID,
  /* the database refused the records; nothing was imported */
  SE_CSV_ERROR_STORE,
} SeCsvError;

typedef enum
{
  SE_CSV_FLAGS_NONE = 0,
  /* export: the header row holds the field names ("start-date") rather
   * than the translated labels ("Beginn") */
  SE_CSV_FLAGS_FIELD_NAMES = 1 << 0,
  /* export: separate with commas rather than semicolons */
  SE_CSV_FLAGS_COMMA = 1 << 1,
} SeCsvFlags;

/**
 * SeCsvProblem:
 * @line: the line of the file, counted from 1 (the header); 0 for the file
 *   as a whole
 * @field: (nullable): the name of the field at fault, if one is
 * @message: what is wrong and how to correct it, translated
 */
typedef struct
{
  guint  line;
  char  *field;
  char  *message;
} SeCsvProblem;

#define SE_TYPE_CSV_PROBLEM (se_csv_problem_get_type ())

GType          se_csv_problem_get_type (void) G_GNUC_CONST;
SeCsvProblem  *se_csv_problem_copy     (const SeCsvProblem *problem);
void           se_csv_problem_free     (SeCsvProblem       *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SeCsvProblem, se_csv_problem_free)

/**
 * SeCsvProgressFunc:
 * @done: the bytes of the file read so far
 * @total: the size of the file; @done when it is not known
 * @user_data: the data given with the function
 */
typedef void (*SeCsvProgressFunc) (guint64  done,
                                   guint64  total,
                                   gpointer user_data);

GQuark         se_csv_error_quark      (void);

GType          se_csv_kind_from_name   (const char         *name);
const char    *se_csv_kind_get_name    (GType               record_type);

gboolean       se_csv_export           (SeStore            *store,
                                        GType               record_type,
                                        GOutputStream      *stream,
                                        SeCsvFlags          flags,
                                        GCancellable       *cancellable,
                                        GError            **error);
gboolean       se_csv_export_file      (SeStore            *store,
                                        GType               record_type,
                                        const char         *path,
                                        SeCsvFlags          flags,
                                        GError            **error);

gboolean       se_csv_import           (SeStore            *store,
                                        GType               record_type,
                                        GInputStream       *stream,
                                        guint              *n_records,
                                        GPtrArray         **problems,
                                        GCancellable       *cancellable,
                                        GError            **error);
gboolean       se_csv_import_file      (SeStore            *store,
                                        GType               record_type,
                                        const char         *path,
                                        guint              *n_records,
                                        GPtrArray         **problems,
                                        GError            **error);
gboolean       se_csv_import_file_full (SeStore            *store,
                                        GType               record_type,
                                        const char         *path,
                                        SeCsvProgressFunc   progress,
                                        gpointer            progress_data,
                                        guint              *n_records,
                                        GPtrArray         **problems,
                                        GCancellable       *cancellable,
                                        GError            **error);

G_END_DECLS
