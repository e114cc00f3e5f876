/* fuzz-csv-import.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target for the CSV import (se-csv.c), built with clang by
 * build-aux/check:
 *
 *   clang -fsanitize=fuzzer,address,undefined ... fuzz-csv-import.c <core sources>
 *
 * The first byte of an input chooses the kind of record, the rest is the
 * file. Besides crashes, leaks and undefined behaviour it checks the
 * promise of the import: when it fails, no record was added. Inputs it
 * finds go to tests/fuzz/regressions/, which tests/test-csv.c replays. */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "se-csv.h"
#include "se-example-data.h"
#include "se-store.h"

static char *db_path;
static char *pristine;
static gsize pristine_len;
static SeStore *store;
static guint n_imports;

static void
open_store (void)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&store);
  if (pristine != NULL)
    {
      g_file_set_contents (db_path, pristine, (gssize) pristine_len, &error);
      g_assert_no_error (error);
    }
  store = se_store_open (db_path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
}

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("se-fuzz-XXXXXX", &error);

  g_assert_no_error (error);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  db_path = g_build_filename (dir, "fuzz.db", NULL);
  open_store ();
  se_example_data_load (store, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Every run starts again from the example data now and then, so that
   * what imported inputs add does not pile up. */
  g_file_get_contents (db_path, &pristine, &pristine_len, &error);
  g_assert_no_error (error);
  open_store ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  guint n_types, n_before, n = 0;
  const GType *types = se_store_get_record_types (&n_types);
  GType type;
  gboolean ok;

  if (size == 0)
    return 0;

  type = types[data[0] % n_types];
  n_before = se_store_count (store, type);
  in = g_memory_input_stream_new_from_data (data + 1, (gssize) size - 1, NULL);
  ok = se_csv_import (store, type, in, &n, &problems, NULL, &error);

  if (se_store_in_transaction (store))
    abort ();
  if (!ok && (error == NULL || se_store_count (store, type) != n_before || n != 0))
    abort ();
  if (ok && (error != NULL || problems != NULL || se_store_count (store, type) > n_before + n))
    abort ();
  if (!ok && error->domain == SE_CSV_ERROR && error->code == SE_CSV_ERROR_INVALID
      && (problems == NULL || problems->len == 0))
    abort ();

  if (ok && ++n_imports % 200 == 0)
    open_store ();
  return 0;
}
