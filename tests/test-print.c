/* test-print.c: the summary through GtkPrintOperation, as the print dialog
 * prints it
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The print dialog itself cannot be answered in a test; its "Print to
 * File" path can: the same operation, pagination on the print context's
 * cairo context and page size, into a PDF read back with poppler.
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <adwaita.h>
#include <poppler.h>
#include <string.h>

#include "se-agreement.h"
#include "se-example-data.h"
#include "se-print.h"
#include "se-report.h"
#include "se-store.h"
#include "se-test-util.h"

static char *
page_text (PopplerDocument *doc,
           int              page)
{
  PopplerPage *p = poppler_document_get_page (doc, page);
  char *text = poppler_page_get_text (p);

  g_object_unref (p);
  return text;
}

static void
test_print_operation (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "print.db", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *direct = g_build_filename (dir, "direct.pdf", NULL);
  g_autofree char *uri_printed = NULL;
  g_autofree char *uri_direct = NULL;
  g_autoptr(SeStore) store = NULL;
  g_autoptr(SeReport) report = NULL;
  PopplerDocument *a = NULL;
  PopplerDocument *b = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *agreements;
  g_autoptr(SeRecord) cooperation = NULL;

  store = se_store_open (db, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (se_example_data_load (store, &error));

  agreements = se_store_get_list (store, SE_TYPE_AGREEMENT);
  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(SeRecord) r = g_list_model_get_item (agreements, i);
      if (g_strcmp0 (se_record_get_string (r, "reference"), "JC-CHA-BZ-2019-01") == 0)
        cooperation = g_steal_pointer (&r);
    }
  g_assert_nonnull (cooperation);

  report = se_report_new_agreement_summary (store, cooperation, &error);
  g_assert_no_error (error);

  g_assert_true (se_print_report_to_pdf (report, printed, &error));
  g_assert_no_error (error);
  g_assert_true (se_report_write_pdf (report, direct, &error));
  g_assert_no_error (error);

  uri_printed = g_filename_to_uri (printed, NULL, NULL);
  uri_direct = g_filename_to_uri (direct, NULL, NULL);
  a = poppler_document_new_from_file (uri_printed, NULL, &error);
  g_assert_no_error (error);
  b = poppler_document_new_from_file (uri_direct, NULL, &error);
  g_assert_no_error (error);

  /* The same pages, A4, the same text on each */
  g_assert_cmpint (poppler_document_get_n_pages (a), ==, poppler_document_get_n_pages (b));
  g_assert_cmpint (poppler_document_get_n_pages (a), >=, 1);
  for (int i = 0; i < poppler_document_get_n_pages (a); i++)
    {
      PopplerPage *page = poppler_document_get_page (a, i);
      g_autofree char *ta = page_text (a, i);
      g_autofree char *tb = page_text (b, i);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_object_unref (page);
      g_assert_cmpfloat_with_epsilon (w, 595.3, 1.0);
      g_assert_cmpfloat_with_epsilon (h, 841.9, 1.0);
      g_assert_cmpstr (ta, ==, tb);
      if (i == 0)
        g_assert_nonnull (strstr (ta, "JC-CHA-BZ-2019-01"));
    }

  g_object_unref (a);
  g_object_unref (b);
  se_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/print/operation-to-file", test_print_operation);

  return g_test_run ();
}
