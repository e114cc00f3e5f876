/* se-test-writer.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A separate process that writes to a store, for the tests that kill a
 * writer or run two at once (never fork() with an open connection).
 *
 *   se-test-writer write PATH K GROUPS SEED [no-lock] [organisation PREFIX]
 *     Writes GROUPS transactions (0: until killed) of K records each and
 *     prints the number of records committed so far after each COMMIT.
 *     Topics are numbered on from what the file holds; organisations are
 *     named PREFIX-n. A busy database is retried; the number of retries is
 *     printed on standard error at the end.
 *   se-test-writer open PATH
 *     Opens the store and closes it again.
 *
 * Exit status: 0 done, 4 refused because another process holds the file
 * (the message on standard error), 3 any other error.
 *
 * It includes the store's private header (and so sqlite3.h) for the test
 * hook that opens a store without the lock file, so that two writers can
 * meet at SQLite's own locks. */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "se-error.h"
#include "se-organisation.h"
#include "se-record.h"
#include "se-store-private.h"
#include "se-store.h"
#include "se-topic.h"

static int
fail (GError *error)
{
  fprintf (stderr, "ERROR %d %s\n", error->code, error->message);
  return g_error_matches (error, SE_STORE_ERROR, SE_STORE_ERROR_LOCKED) ? 4 : 3;
}

static SeRecord *
make_record (gboolean    organisation,
             const char *prefix,
             guint64     number)
{
  g_autofree char *name = NULL;

  if (organisation)
    {
      SeRecord *r = g_object_new (SE_TYPE_ORGANISATION, NULL);
      name = g_strdup_printf ("%s-%08" G_GUINT64_FORMAT, prefix, number);
      se_record_set_string (r, "name", name);
      return r;
    }
  else
    {
      SeRecord *r = g_object_new (SE_TYPE_TOPIC, NULL);
      name = g_strdup_printf ("T-%08" G_GUINT64_FORMAT, number);
      se_record_set_string (r, "name", name);
      return r;
    }
}

static int
write_records (int   argc,
               char *argv[])
{
  const char *path = argv[2];
  guint k = (guint) atoi (argv[3]);
  guint groups = (guint) atoi (argv[4]);
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) atoi (argv[5]));
  SeStoreOpenOptions options = { NULL, FALSE };
  gboolean organisation = FALSE;
  const char *prefix = "O";
  g_autoptr(SeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint64 committed, retries = 0;

  for (int i = 6; i < argc; i++)
    {
      if (g_str_equal (argv[i], "no-lock"))
        options.no_lock = TRUE;
      else if (g_str_equal (argv[i], "organisation") && i + 1 < argc)
        {
          organisation = TRUE;
          prefix = argv[++i];
        }
    }

  store = _se_store_open_with_options (path, SE_STORE_OPEN_FLAGS_NONE, &options, &error);
  if (store == NULL)
    return fail (error);

  committed = organisation ? 0 : se_store_count (store, SE_TYPE_TOPIC);

  for (guint g = 0; groups == 0 || g < groups; g++)
    {
      for (;;)
        {
          gboolean ok = se_store_begin (store, &error);

          for (guint j = 1; ok && j <= k; j++)
            {
              g_autoptr(SeRecord) r = make_record (organisation, prefix, committed + j);

              ok = se_store_save (store, r, NULL, &error);
              /* A pause inside the transaction, so that a kill can land
               * between two statements as well as in the COMMIT. */
              if (ok)
                g_usleep (g_rand_int_range (rand, 0, 300));
            }
          if (ok)
            ok = se_store_commit (store, &error);
          else if (se_store_in_transaction (store))
            se_store_rollback (store);

          if (ok)
            break;
          if (!g_error_matches (error, SE_STORE_ERROR, SE_STORE_ERROR_BUSY))
            return fail (error);
          /* The other writer held the file longer than the busy timeout:
           * the whole transaction was rolled back, so it is safe to run it
           * again. */
          retries++;
          g_clear_error (&error);
        }

      committed += k;
      printf ("%" G_GUINT64_FORMAT "\n", committed);
      fflush (stdout);
    }

  fprintf (stderr, "retries %" G_GUINT64_FORMAT "\n", retries);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SeStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (argc >= 6 && g_str_equal (argv[1], "write"))
    return write_records (argc, argv);

  if (argc == 3 && g_str_equal (argv[1], "open"))
    {
      store = se_store_open (argv[2], SE_STORE_OPEN_FLAGS_NONE, &error);
      if (store == NULL)
        return fail (error);
      return 0;
    }

  fprintf (stderr, "usage: se-test-writer write PATH K GROUPS SEED [no-lock] "
                   "[organisation PREFIX] | open PATH\n");
  return 3;
}
