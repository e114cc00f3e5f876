/* test-quota.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <poppler.h>

#include "se-checks.h"
#include "se-quota.h"
#include "se-report.h"
#include "se-test-planning.h"
#include "se-test-util.h"

/* A quota's use is counted once (se-quota.c), in persons and person-days,
 * and the three places that report it agree: the printed summary (read
 * back from the PDF with poppler), the consistency checks the Checks page
 * lists, and `staff-exchange --run-checks`. The case is one hospitation of
 * three guests under a quota of two persons a year: one placement, three
 * mobilities. */

typedef struct
{
  char    *dir;
  char    *path;
  SeStore *store;
  gint64   essen, sunderland;
  gint64   agreement;
} Fixture;

/* @data: how many guests go from Essen to Sunderland */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  guint n_guests = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  gint64 hospitation, mentor;

  f->dir = se_test_make_dir ();
  f->path = g_build_filename (f->dir, "quota.db", NULL);
  f->store = se_store_open (f->path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  f->essen = se_test_organisation (f->store, "Stadt Essen", 0);
  f->sunderland = se_test_organisation (f->store, "Sunderland City Council", 0);
  f->agreement = se_test_agreement (f->store, 0, f->essen, f->sunderland,
                                    SE_AGREEMENT_KIND_HOSPITATION, SE_AGREEMENT_STATUS_SIGNED,
                                    "2020-01-01", NULL);
  se_test_update (f->store, SE_TYPE_AGREEMENT, f->agreement, "title",
                  "Hospitationsvereinbarung", 0);
  se_test_update (f->store, SE_TYPE_AGREEMENT, f->agreement, "quota-placements", NULL, 2);

  /* Five days, Monday to Friday; a mentor at the host, so that the only
   * warning is about the quota. */
  hospitation = se_test_placement (f->store, SE_PLACEMENT_KIND_HOSPITATION,
                                   "Hospitation in Sunderland", "2024-04-08", "2024-04-12",
                                   SE_PLACEMENT_STATUS_APPROVED, 0, f->agreement);
  for (guint i = 0; i < n_guests; i++)
    {
      g_autofree char *name = g_strdup_printf ("Gast %u", i + 1);
      gint64 guest = se_test_person (f->store, name, f->essen);

      se_test_participant (f->store, hospitation, guest, SE_PARTICIPANT_ROLE_GUEST, f->essen,
                           f->sunderland);
    }
  mentor = se_test_person (f->store, "Mentorin", f->sunderland);
  se_test_participant (f->store, hospitation, mentor, SE_PARTICIPANT_ROLE_MENTOR,
                       f->sunderland, f->sunderland);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  se_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* The text of the whole PDF, every run of white space made one space, so
 * that a phrase wrapped over two lines is still found. */
static char *
read_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  g_autoptr(GObject) doc = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  g_assert_no_error (error);
  doc = G_OBJECT (poppler_document_new_from_file (uri, NULL, &error));
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (POPPLER_DOCUMENT (doc)); i++)
    {
      g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (doc), i));
      g_autofree char *text = poppler_page_get_text (POPPLER_PAGE (page));

      g_string_append_c (all, ' ');
      g_string_append (all, text);
    }
  return g_regex_replace_literal (space, all->str, -1, 0, " ", 0, NULL);
}

static void
assert_contains (const char *text,
                 const char *expected,
                 gboolean    present)
{
  if (present && strstr (text, expected) == NULL)
    g_error ("“%s” is missing from:\n%s", expected, text);
  if (!present && strstr (text, expected) != NULL)
    g_error ("“%s” should not be in:\n%s", expected, text);
}

/* (a) the printed summary */
static void
check_summary (Fixture    *f,
               const char *use,
               gboolean    exceeded)
{
  g_autoptr(SeRecord) agreement = se_store_lookup (f->store, SE_TYPE_AGREEMENT, f->agreement);
  g_autoptr(GError) error = NULL;
  g_autoptr(SeReport) report = se_report_new_agreement_summary (f->store, agreement, &error);
  g_autofree char *pdf = g_build_filename (f->dir, "summary.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *cell = g_strdup_printf ("%s – exceeded", use);

  g_assert_no_error (error);
  se_report_set_print_date (report, "2026-03-02");
  g_assert_true (se_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);
  text = read_pdf (pdf);

  assert_contains (text, "Quota per calendar year and direction: 2 persons.", TRUE);
  assert_contains (text, "Stadt Essen → Sunderland City Council", TRUE);
  assert_contains (text, use, TRUE);
  assert_contains (text, cell, exceeded);
  assert_contains (text, "exceeded", exceeded);
}

/* (b) the consistency checks, whose findings the Checks page lists */
static void
check_findings (Fixture    *f,
                const char *figures,
                gboolean    exceeded)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = se_checks_run (f->store, "2024-03-01", 90, &error);
  SeFinding *quota = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (findings);
  for (guint i = 0; i < findings->len; i++)
    {
      SeFinding *finding = g_ptr_array_index (findings, i);

      if (se_finding_get_rule (finding) == SE_CHECK_RULE_QUOTA_EXCEEDED)
        {
          g_assert_null (quota);
          quota = finding;
        }
    }
  if (!exceeded)
    {
      g_assert_null (quota);
      return;
    }

  g_assert_nonnull (quota);
  g_assert_cmpint (se_finding_get_severity (quota), ==, SE_SEVERITY_WARNING);
  g_assert_true (se_finding_get_record_type (quota) == SE_TYPE_AGREEMENT);
  g_assert_cmpint (se_finding_get_record_id (quota), ==, f->agreement);
  assert_contains (se_finding_get_message (quota), figures, TRUE);
  assert_contains (se_finding_get_message (quota), "Stadt Essen to Sunderland City Council",
                   TRUE);
}

/* (c) the command line, on the same file once the store is closed */
static void
check_command_line (Fixture    *f,
                    const char *figures,
                    gboolean    exceeded)
{
  const char *app = g_getenv ("SE_TEST_APP");
  const char *argv[] = { app, "--database", f->path, "--run-checks", NULL };
  g_autofree char *line = g_strdup_printf ("(quota-exceeded, agreement %" G_GINT64_FORMAT ")",
                                           f->agreement);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (app == NULL)
    {
      g_test_skip ("SE_TEST_APP is not set: run the test through meson");
      return;
    }

  g_clear_object (&f->store);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "HOME", f->dir, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", f->dir, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", f->dir, TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", f->dir, TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);

  if (exceeded)
    {
      /* Findings make it exit 1. */
      g_assert_true (g_spawn_check_wait_status (status, NULL) == FALSE);
      assert_contains (out, line, TRUE);
      assert_contains (out, figures, TRUE);
    }
  else
    assert_contains (out, "quota-exceeded", FALSE);
}

static void
test_exceeded (Fixture       *f,
               gconstpointer  data)
{
  /* Three persons of two: exceeded on all three. */
  check_summary (f, "3 of 2", TRUE);
  check_findings (f, "allows 2 persons from Stadt Essen to Sunderland City Council, "
                  "but 3 guests", TRUE);
  check_command_line (f, "allows 2 persons from Stadt Essen to Sunderland City Council, "
                      "but 3 guests", TRUE);
}

static void
test_within (Fixture       *f,
             gconstpointer  data)
{
  /* Near miss: two persons of two are within the quota on all three. */
  check_summary (f, "2 of 2", FALSE);
  check_findings (f, NULL, FALSE);
  check_command_line (f, NULL, FALSE);
}

/* The use itself: persons and person-days, per year and direction. */
static void
test_use (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(SeRecord) agreement = se_store_lookup (f->store, SE_TYPE_AGREEMENT, f->agreement);
  g_autoptr(GArray) use = se_quota_count_use (f->store, agreement);
  const SeQuotaUse *u;
  SeQuota quota = se_quota_of_agreement (agreement);

  g_assert_cmpuint (quota.persons, ==, 2);
  g_assert_cmpuint (quota.person_days, ==, 0);

  /* Both directions of 2024, the unused one with zeros. */
  g_assert_cmpuint (use->len, ==, 2);
  u = &g_array_index (use, SeQuotaUse, 0);
  g_assert_cmpint (u->year, ==, 2024);
  g_assert_cmpint (u->direction, ==, SE_PARTY_FIRST);
  g_assert_cmpuint (u->persons, ==, 3);
  g_assert_cmpuint (u->person_days, ==, 15);
  g_assert_true (se_quota_exceeds_persons (&quota, u));
  g_assert_false (se_quota_exceeds_person_days (&quota, u));
  u = &g_array_index (use, SeQuotaUse, 1);
  g_assert_cmpint (u->direction, ==, SE_PARTY_SECOND);
  g_assert_cmpuint (u->persons, ==, 0);
  g_assert_cmpuint (u->person_days, ==, 0);
  g_assert_false (se_quota_exceeds_persons (&quota, u));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, n_guests) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n_guests), fixture_set_up, func, \
              fixture_tear_down)

  ADD ("/quota/exceeded", test_exceeded, 3);
  ADD ("/quota/within", test_within, 2);
  ADD ("/quota/use", test_use, 3);

  return g_test_run ();
}
