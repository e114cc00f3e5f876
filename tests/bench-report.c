/* bench-report.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <locale.h>

#include "se-agreement.h"
#include "se-date.h"
#include "se-organisation.h"
#include "se-participant.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-report.h"
#include "se-store.h"
#include "se-test-util.h"

/* How long the PDF summary of an agreement takes to write, with 100, 1,000
 * and 5,000 placements under it; each placement has two guests crossing,
 * like a job swap. The time should grow linearly: the last column, time
 * per placement, should stay about the same. */

static SeRecord *
fill (SeStore *store,
      guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SeRecord) a = g_object_new (SE_TYPE_ORGANISATION, "name", "Stadt Aachen",
                                        "address", "Markt\n52062 Aachen", NULL);
  g_autoptr(SeRecord) b = g_object_new (SE_TYPE_ORGANISATION, "name", "Ville de Reims",
                                        "country", "FR", NULL);
  g_autoptr(SeRecord) agreement = NULL;
  GDate date;

  g_assert_true (se_store_begin (store, &error));
  g_assert_true (se_store_save (store, a, NULL, &error));
  g_assert_true (se_store_save (store, b, NULL, &error));
  agreement = g_object_new (SE_TYPE_AGREEMENT, "party-a-id", se_record_get_id (a),
                            "party-b-id", se_record_get_id (b), "title", "Hospitationsvereinbarung",
                            "reference", "AC-RE-1", "quota-placements", 50, "quota-days", 200,
                            "terms", "Die Städte ermöglichen gegenseitige Hospitationen.", NULL);
  g_assert_true (se_store_save (store, agreement, NULL, &error));

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 2020);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Job swap %u between Aachen and Reims", i + 1);
      g_autofree char *start = se_date_from_gdate (&date);
      g_autofree char *end = NULL;
      g_autoptr(SeRecord) placement = NULL;

      g_date_add_days (&date, 4);
      end = se_date_from_gdate (&date);
      placement = g_object_new (SE_TYPE_PLACEMENT, "title", title, "kind", 1,
                                "start-date", start, "end-date", end,
                                "agreement-id", se_record_get_id (agreement), NULL);
      g_assert_true (se_store_save (store, placement, NULL, &error));

      for (guint side = 0; side < 2; side++)
        {
          g_autofree char *family = g_strdup_printf ("Muster%u", 2 * i + side);
          g_autoptr(SeRecord) person = g_object_new (SE_TYPE_PERSON, "given-name", "Alex",
                                                     "family-name", family, NULL);
          g_autoptr(SeRecord) participant = NULL;

          g_assert_true (se_store_save (store, person, NULL, &error));
          participant = g_object_new (SE_TYPE_PARTICIPANT,
                                      "placement-id", se_record_get_id (placement),
                                      "person-id", se_record_get_id (person),
                                      "home-organisation-id", se_record_get_id (side ? b : a),
                                      "host-organisation-id", se_record_get_id (side ? a : b),
                                      NULL);
          g_assert_true (se_store_save (store, participant, NULL, &error));
        }
      g_date_add_days (&date, 3);
    }
  g_assert_true (se_store_commit (store, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&agreement);
}

int
main (int   argc,
      char *argv[])
{
  const guint sizes[] = { 100, 1000, 5000 };
  double per_placement[G_N_ELEMENTS (sizes)];

  setlocale (LC_ALL, "");
  g_print ("%12s %8s %12s %14s\n", "placements", "pages", "seconds", "ms/placement");

  for (gsize s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *dir = se_test_make_dir ();
      g_autofree char *db = g_build_filename (dir, "bench.db", NULL);
      g_autofree char *pdf = g_build_filename (dir, "summary.pdf", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(SeStore) store = se_store_open (db, SE_STORE_OPEN_FLAGS_NONE, &error);
      g_autoptr(SeRecord) agreement = NULL;
      g_autoptr(SeReport) report = NULL;
      g_autoptr(SeStore) reader = NULL;
      gint64 start, end;

      g_assert_no_error (error);
      agreement = fill (store, sizes[s]);
      g_clear_object (&store);

      /* As the command line does it: open the file, read, lay out, write. */
      start = g_get_monotonic_time ();
      reader = se_store_open (db, SE_STORE_OPEN_FLAGS_READ_ONLY, &error);
      g_assert_no_error (error);
      report = se_report_new_agreement_summary (reader, agreement, &error);
      g_assert_no_error (error);
      g_assert_true (se_report_write_pdf (report, pdf, &error));
      end = g_get_monotonic_time ();

      per_placement[s] = (end - start) / 1000.0 / sizes[s];
      g_print ("%12u %8u %12.3f %14.3f\n", sizes[s], se_report_get_n_pages (report),
               (end - start) / 1e6, per_placement[s]);

      g_clear_object (&report);
      g_clear_object (&reader);
      se_test_remove_dir (dir);
    }

  g_print ("time per placement, 1,000 vs 100: %.2f; 5,000 vs 1,000: %.2f (1.00 is linear)\n",
           per_placement[1] / per_placement[0], per_placement[2] / per_placement[1]);
  return 0;
}
