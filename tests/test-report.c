/* test-report.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <sys/resource.h>
#include <glib/gi18n-lib.h>
#include <poppler.h>

#include "se-agreement.h"
#include "se-date.h"
#include "se-example-data.h"
#include "se-organisation.h"
#include "se-participant.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-quota.h"
#include "se-report.h"
#include "se-store.h"
#include "se-test-util.h"

/* Printed summaries and certificates, read back from the PDF with poppler
 * the way a reader's PDF viewer sees them. */

typedef struct
{
  char    *dir;
  SeStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = se_test_make_dir ();
  path = g_build_filename (f->dir, "test.db", NULL);
  f->store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  if (data != NULL)
    {
      se_example_data_load (f->store, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  se_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* The text of each page, with every run of white space made one space, so
 * that a phrase wrapped over two lines is still found. */
static GPtrArray *
read_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  g_autoptr(GObject) doc = NULL;
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  g_assert_no_error (error);
  doc = G_OBJECT (poppler_document_new_from_file (uri, NULL, &error));
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (POPPLER_DOCUMENT (doc)); i++)
    {
      g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (doc), i));
      g_autofree char *text = poppler_page_get_text (POPPLER_PAGE (page));
      g_ptr_array_add (pages, g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL));
    }
  return pages;
}

static char *
join_pages (GPtrArray *pages)
{
  g_ptr_array_add (pages, NULL);
  {
    char *all = g_strjoinv (" ", (char **) pages->pdata);
    g_ptr_array_remove_index (pages, pages->len - 1);
    return all;
  }
}

static void
assert_contains (const char *text,
                 const char *expected)
{
  if (strstr (text, expected) == NULL)
    g_error ("“%s” is missing from the PDF:\n%s", expected, text);
}

static SeRecord *
find_agreement (SeStore    *store,
                const char *title_part)
{
  GListModel *list = se_store_get_list (store, SE_TYPE_AGREEMENT);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SeRecord) a = g_list_model_get_item (list, i);
      if (strstr (se_record_get_string (a, "title"), title_part) != NULL)
        return g_steal_pointer (&a);
    }
  g_assert_not_reached ();
}

static SeRecord *
find_by (SeStore    *store,
         GType       type,
         const char *field,
         const char *value)
{
  GListModel *list = se_store_get_list (store, type);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SeRecord) r = g_list_model_get_item (list, i);
      if (g_strcmp0 (se_record_get_string (r, field), value) == 0)
        return g_steal_pointer (&r);
    }
  g_assert_not_reached ();
}

static GPtrArray *
export (Fixture    *f,
        SeReport   *report,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  GPtrArray *pages;
  g_autofree char *page_of = NULL;

  g_assert_true (se_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  pages = read_pdf (path);
  g_assert_cmpuint (pages->len, ==, se_report_get_n_pages (report));
  g_assert_cmpuint (pages->len, >=, 1);

  for (guint i = 0; i < pages->len; i++)
    {
      g_autofree char *expected = g_strdup_printf (C_("report", "Page %u of %u"), i + 1, pages->len);
      assert_contains (g_ptr_array_index (pages, i), expected);
    }
  return pages;
}

static void
test_summary_cham_bautzen (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SeRecord) agreement = find_agreement (f->store, "Personalhospitationen");
  g_autoptr(GError) error = NULL;
  g_autoptr(SeReport) report = se_report_new_agreement_summary (f->store, agreement, &error);
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *all = NULL;
  const char *expected[] = {
    "Agreement summary",
    "Kooperationsvereinbarung über gegenseitige Personalhospitationen",
    "Cooperation agreement", "Reference number", "JC-CHA-BZ-2019-01",
    "First party", "Second party", "Jobcenter Landkreis Cham", "Jobcenter Landkreis Bautzen",
    "Landkreis Cham", "Bayern (DE)", "Sachsen (DE)",
    "Status", "Signed", "Valid from", "2019-09-25", "Valid until", "open-ended",
    "Kooperation der Jobcenter Cham und Bautzen", "Confidentiality", "Required",
    "Signed document", "Not on file",
    "Signatories", "Josef Beer", "Mathias Bielich", "Geschäftsführer, Jobcenter Landkreis Cham",
    "Geschäftsführer, Jobcenter Landkreis Bautzen", "Signed on 2019-09-25",
    "Approvals", "Franz Löffler", "Michael Harig", "Landrat, Landkreis Cham", "2019-07-05",
    "Einverständnis bei einem Treffen der beiden Landräte",
    "Quota and use", "4 persons and 20 person-days", "2027",
    "Jobcenter Cham → Jobcenter Bautzen", "Jobcenter Bautzen → Jobcenter Cham",
    "0 of 4", "1 of 4", "5 of 20",
    "Placements covered", "Hospitation im Jobcenter Landkreis Cham", "Hospitation",
    "Erika Mustermann", "Markt und Integration", "2027-04-12", "2027-04-16", "Proposed",
    "Terms", "Sozialgeheimnis (§ 35 SGB I)", "zum Jahresende gekündigt werden.",
    "Printed on 2026-03-02",
  };

  g_assert_no_error (error);
  se_report_set_print_date (report, "2026-03-02");
  pages = export (f, report, "summary.pdf");
  all = join_pages (pages);
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_contains (all, expected[i]);
  /* The working meetings are not under the agreement. */
  g_assert_null (strstr (all, "Arbeitstreffen"));
}

static void
test_summary_all_examples (Fixture       *f,
                           gconstpointer  data)
{
  GListModel *list = se_store_get_list (f->store, SE_TYPE_AGREEMENT);

  g_assert_cmpuint (g_list_model_get_n_items (list), >=, 2);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SeRecord) agreement = g_list_model_get_item (list, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(SeReport) report = se_report_new_agreement_summary (f->store, agreement, &error);
      g_autoptr(GPtrArray) placements = se_store_find (f->store, SE_TYPE_PLACEMENT, "agreement-id",
                                                       se_record_get_id (agreement));
      g_autoptr(GPtrArray) pages = NULL;
      g_autofree char *all = NULL;
      g_autofree char *name = g_strdup_printf ("agreement-%u.pdf", i);

      g_assert_no_error (error);
      pages = export (f, report, name);
      all = join_pages (pages);
      assert_contains (all, se_record_get_string (agreement, "title"));
      for (guint j = 0; j < placements->len; j++)
        assert_contains (all, se_record_get_string (g_ptr_array_index (placements, j), "title"));
    }
}

static void
test_summary_non_disclosure (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(SeRecord) agreement = find_agreement (f->store, "Verschwiegenheitserklärung");
  g_autoptr(SeReport) report = se_report_new_agreement_summary (f->store, agreement, NULL);
  g_autoptr(GPtrArray) pages = export (f, report, "nda.pdf");
  g_autofree char *all = join_pages (pages);
  const char *expected[] = {
    "Non-disclosure declaration", "Stadt Bad Salzuflen", "Lena Sargalski", "Clarisse Schröder",
    "Signed on 2022-02-21", "Signed on 2022-02-22", "Genehmigung des Arbeitsplatztauschs",
    "No quota agreed.", "Job Swop in der Karnevalswoche", "Job swap", "Completed",
    "2022-02-28", "2022-03-04",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_contains (all, expected[i]);
}

/* An agreement with 300 placements: the table runs over pages, in order,
 * each placement once, the header row on every page of it. */
static void
test_summary_long_table (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SeRecord) a = g_object_new (SE_TYPE_ORGANISATION, "name", "Stadt Aachen", NULL);
  g_autoptr(SeRecord) b = g_object_new (SE_TYPE_ORGANISATION, "name", "Ville de Reims",
                                        "country", "FR", NULL);
  g_autoptr(SeRecord) agreement = NULL;
  g_autoptr(SeReport) report = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  guint next = 1;
  guint table_pages = 0;
  GDate date;

  g_assert_true (se_store_begin (f->store, &error));
  g_assert_true (se_store_save (f->store, a, NULL, &error));
  g_assert_true (se_store_save (f->store, b, NULL, &error));
  agreement = g_object_new (SE_TYPE_AGREEMENT, "party-a-id", se_record_get_id (a),
                            "party-b-id", se_record_get_id (b), "title", "Hospitationsvereinbarung",
                            "reference", "AC-RE-300", "quota-placements", 100, NULL);
  g_assert_true (se_store_save (f->store, agreement, NULL, &error));

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 2024);
  for (guint i = 1; i <= 300; i++)
    {
      /* every 7th title long enough to wrap, to vary the row heights */
      g_autofree char *title = g_strdup_printf ("Placement P%03u%s", i,
                                                i % 7 == 0 ? " – Hospitation mit einem recht "
                                                "langen Titel, der umbricht" : "");
      g_autofree char *given = g_strdup_printf ("Given%03u", i);
      g_autofree char *start = se_date_from_gdate (&date);
      g_autoptr(SeRecord) person = g_object_new (SE_TYPE_PERSON, "given-name", given,
                                                 "family-name", "Muster", NULL);
      g_autoptr(SeRecord) placement = NULL;
      g_autoptr(SeRecord) participant = NULL;
      gboolean a_to_b = i % 2 == 1;

      g_assert_true (se_store_save (f->store, person, NULL, &error));
      placement = g_object_new (SE_TYPE_PLACEMENT, "title", title, "start-date", start,
                                "end-date", start, "agreement-id", se_record_get_id (agreement),
                                NULL);
      g_assert_true (se_store_save (f->store, placement, NULL, &error));
      participant = g_object_new (SE_TYPE_PARTICIPANT,
                                  "placement-id", se_record_get_id (placement),
                                  "person-id", se_record_get_id (person),
                                  "home-organisation-id", se_record_get_id (a_to_b ? a : b),
                                  "host-organisation-id", se_record_get_id (a_to_b ? b : a), NULL);
      g_assert_true (se_store_save (f->store, participant, NULL, &error));
      g_date_add_days (&date, 1);
    }
  g_assert_true (se_store_commit (f->store, &error));
  g_assert_no_error (error);

  report = se_report_new_agreement_summary (f->store, agreement, &error);
  g_assert_no_error (error);
  pages = export (f, report, "long.pdf");
  g_assert_cmpuint (pages->len, >, 5);

  for (guint p = 0; p < pages->len; p++)
    {
      const char *text = g_ptr_array_index (pages, p);
      const char *at = text;
      gboolean any = FALSE;

      /* Titles of this page, in order, continuing from the last page's. */
      for (;;)
        {
          g_autofree char *title = g_strdup_printf ("Placement P%03u", next);
          const char *found = strstr (at, title);

          if (found == NULL)
            break;
          at = found + strlen (title);
          any = TRUE;
          next++;
        }
      /* Nothing out of order or twice on this page */
      for (guint i = 1; i <= 300; i++)
        {
          /* every 7th title long enough to wrap, to vary the row heights */
      g_autofree char *title = g_strdup_printf ("Placement P%03u%s", i,
                                                i % 7 == 0 ? " – Hospitation mit einem recht "
                                                "langen Titel, der umbricht" : "");
          const char *first = strstr (text, title);

          if (first != NULL)
            {
              g_assert_cmpuint (i, <, next);
              g_assert_null (strstr (first + 1, title));
            }
        }
      if (any)
        {
          table_pages++;
          /* poppler runs the cells of a row together: "ParticipantsHostDates" */
          assert_contains (text, "ParticipantsHostDatesStatus");
        }
    }
  g_assert_cmpuint (next, ==, 301);
  g_assert_cmpuint (table_pages, >=, 5);
}

static void
test_certificate (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SeRecord) placement = find_by (f->store, SE_TYPE_PLACEMENT, "title",
                                           "Hospitation im Jobcenter Landkreis Cham");
  g_autoptr(SeRecord) person = find_by (f->store, SE_TYPE_PERSON, "family-name", "Mustermann");
  g_autoptr(SeRecord) other = find_by (f->store, SE_TYPE_PERSON, "family-name", "Beer");
  g_autoptr(GError) error = NULL;
  g_autoptr(SeReport) report = se_report_new_certificate (f->store, placement, person, &error);
  g_autoptr(SeReport) refused = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *all = NULL;
  const char *expected[] = {
    "Certificate of Participation", "This is to certify that", "Erika Mustermann",
    "Sachbearbeiterin, Jobcenter Landkreis Bautzen", "has taken part in the following exchange:",
    "Hospitation im Jobcenter Landkreis Cham", "Hospitation", "Guest",
    "2027-04-12 – 2027-04-16", "5 calendar days", "On site", "Cham",
    "Host organisation", "Jobcenter Landkreis Cham", "Markt und Integration",
    "Videoberatung", "E-Akte", "Goals and tasks", "Einsatz der Videoberatung",
    "Place, date", "Signature, for Jobcenter Landkreis Cham",
  };

  g_assert_no_error (error);
  pages = export (f, report, "certificate.pdf");
  g_assert_cmpuint (pages->len, ==, 1);
  all = join_pages (pages);
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_contains (all, expected[i]);

  refused = se_report_new_certificate (f->store, placement, other, &error);
  g_assert_null (refused);
  g_assert_error (error, SE_REPORT_ERROR, SE_REPORT_ERROR_NOT_A_PARTICIPANT);
  g_assert_nonnull (strstr (error->message, "Josef Beer"));
}

static gboolean
has_temp_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    if (name[0] == '.')
      return TRUE;
  return FALSE;
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SeRecord) unsaved = g_object_new (SE_TYPE_AGREEMENT, "title", "Nicht gespeichert", NULL);
  g_autoptr(SeRecord) agreement = find_agreement (f->store, "Personalhospitationen");
  g_autoptr(SeReport) report = se_report_new_agreement_summary (f->store, agreement, NULL);
  g_autoptr(SeReport) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing_dir = g_build_filename (f->dir, "no-such-folder", "x.pdf", NULL);
  g_autofree char *a_dir = g_build_filename (f->dir, "folder", NULL);
  g_autofree char *existing = g_build_filename (f->dir, "existing.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  struct rlimit old_limit, limit;

  se_record_set_id (unsaved, 9999);
  none = se_report_new_agreement_summary (f->store, unsaved, &error);
  g_assert_null (none);
  g_assert_error (error, SE_REPORT_ERROR, SE_REPORT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (se_report_write_pdf (report, missing_dir, &error));
  g_assert_error (error, SE_REPORT_ERROR, SE_REPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Renaming onto a folder fails only after the whole PDF is written. */
  g_assert_cmpint (g_mkdir (a_dir, 0700), ==, 0);
  g_assert_false (se_report_write_pdf (report, a_dir, &error));
  g_assert_error (error, SE_REPORT_ERROR, SE_REPORT_ERROR_WRITE);
  g_assert_true (g_file_test (a_dir, G_FILE_TEST_IS_DIR));
  g_assert_false (has_temp_files (f->dir));
  g_clear_error (&error);
  g_rmdir (a_dir);

  /* A disk that fills up halfway: the file that was there stays whole. */
  g_assert_true (g_file_set_contents (existing, "an older summary", -1, NULL));
  before = se_test_file_checksum (existing);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  limit = old_limit;
  limit.rlim_cur = 2000;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (se_report_write_pdf (report, existing, &error));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  g_assert_error (error, SE_REPORT_ERROR, SE_REPORT_ERROR_WRITE);
  after = se_test_file_checksum (existing);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (has_temp_files (f->dir));
}

static void
test_quota (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SeRecord) agreement = find_agreement (f->store, "Personalhospitationen");
  g_autoptr(GArray) use = se_quota_count_use (f->store, agreement);
  SeQuota quota = se_quota_of_agreement (agreement);
  const SeQuotaUse *u;

  /* One proposed hospitation from Bautzen to Cham in 2027, five days, one
   * guest: one person, five person-days. */
  g_assert_cmpuint (use->len, ==, 2);
  u = &g_array_index (use, SeQuotaUse, 0);
  g_assert_cmpint (u->year, ==, 2027);
  g_assert_cmpint (u->direction, ==, SE_PARTY_FIRST);
  g_assert_cmpuint (u->persons, ==, 0);
  u = &g_array_index (use, SeQuotaUse, 1);
  g_assert_cmpint (u->direction, ==, SE_PARTY_SECOND);
  g_assert_cmpuint (u->person_days, ==, 5);
  g_assert_cmpuint (u->persons, ==, 1);
  g_assert_false (se_quota_exceeds_persons (&quota, u));
  g_assert_false (se_quota_exceeds_person_days (&quota, u));
}

/* German: labels from the compiled catalogue in the build tree, dates as
 * German write them. */
static void
test_summary_german (Fixture       *f,
                     gconstpointer  data)
{
  const char *localedir = g_getenv ("SE_TEST_LOCALEDIR");
  g_autofree char *locpath = g_build_filename (f->dir, "locale", NULL);
  g_autofree char *localedef = g_find_program_in_path ("localedef");
  g_autoptr(SeRecord) agreement = NULL;
  g_autoptr(SeReport) report = NULL;
  g_autoptr(SeReport) certificate = NULL;
  g_autoptr(SeRecord) placement = NULL;
  g_autoptr(SeRecord) person = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GPtrArray) cert_pages = NULL;
  g_autofree char *all = NULL;
  g_autofree char *cert = NULL;
  const char *expected[] = {
    "Zusammenfassung der Vereinbarung", "Aktenzeichen", "JC-CHA-BZ-2019-01", "Gültig ab",
    "25.09.2019", "unbefristet", "Unterzeichnende", "Unterzeichnet am 25.09.2019",
    "Zustimmungen", "05.07.2019", "Kontingent und Inanspruchnahme", "1 von 4",
    "Erfasste Einsätze", "12.04.2027 – 16.04.2027", "Bestimmungen", "Gedruckt am 02.03.2026",
  };

  if (localedir == NULL)
    {
      g_test_skip ("SE_TEST_LOCALEDIR is not set: run the test through meson");
      return;
    }

  g_setenv ("LANGUAGE", "de", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL && localedef != NULL)
    {
      /* No German locale installed: build one in the test's folder. */
      g_autofree char *target = g_build_filename (locpath, "de_DE.UTF-8", NULL);
      const char *argv[] = { localedef, "-i", "de_DE", "-f", "UTF-8", target, NULL };
      int status = 0;

      g_mkdir_with_parents (locpath, 0700);
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, &status, NULL);
      g_setenv ("LOCPATH", locpath, TRUE);
      setlocale (LC_ALL, "de_DE.UTF-8");
    }

  if (g_strcmp0 (C_("summary", "Reference number"), "Reference number") == 0)
    g_test_skip ("po/de.po has no German for the printed summary yet");
  else if (setlocale (LC_TIME, NULL) == NULL || !g_str_has_prefix (setlocale (LC_TIME, NULL), "de_DE"))
    g_test_skip ("No German locale for the date format (localedef failed)");
  else
    {
      agreement = find_agreement (f->store, "Personalhospitationen");
      report = se_report_new_agreement_summary (f->store, agreement, NULL);
      se_report_set_print_date (report, "2026-03-02");
      pages = export (f, report, "de.pdf");
      all = join_pages (pages);
      for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
        assert_contains (all, expected[i]);
      assert_contains (g_ptr_array_index (pages, 0), "Seite 1 von");

      placement = find_by (f->store, SE_TYPE_PLACEMENT, "title",
                           "Hospitation im Jobcenter Landkreis Cham");
      person = find_by (f->store, SE_TYPE_PERSON, "family-name", "Mustermann");
      certificate = se_report_new_certificate (f->store, placement, person, NULL);
      cert_pages = export (f, certificate, "de-certificate.pdf");
      cert = join_pages (cert_pages);
      assert_contains (cert, "Teilnahmebescheinigung");
      assert_contains (cert, "5 Kalendertage");
    }

  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("LOCPATH");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, examples) \
  g_test_add (path, Fixture, examples, fixture_set_up, func, fixture_tear_down)

  ADD ("/report/summary/cham-bautzen", test_summary_cham_bautzen, "examples");
  ADD ("/report/summary/non-disclosure", test_summary_non_disclosure, "examples");
  ADD ("/report/summary/all-examples", test_summary_all_examples, "examples");
  ADD ("/report/summary/300-placements", test_summary_long_table, NULL);
  ADD ("/report/summary/german", test_summary_german, "examples");
  ADD ("/report/certificate", test_certificate, "examples");
  ADD ("/report/errors", test_errors, "examples");
  ADD ("/report/quota", test_quota, "examples");

  return g_test_run ();
}
