/* test-search.c: search as you type finds the same records on both backends
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same records, the same inputs and the same expected ids, on a file
 * and (as test-search-pg) on a PostgreSQL server: umlauts typed with or
 * without their dots, an apostrophe, German words that a stemmer or a
 * stop-word list would drop, a one-letter prefix, and input made of the
 * search syntax of both backends, which must be taken as text and never
 * cause an error. The lists' order and their counts come along.
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include "se-organisation.h"
#include "se-person.h"
#include "se-query-model.h"
#include "se-test-db.h"
#include "se-test-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  SeStore *store;
  gint64   people[6];
} Fixture;

static const struct
{
  const char *given;
  const char *family;
  const char *function;
} people[] = {
  { "Jürgen", "Müller-Lüdenscheidt", "Leiter des Bürgeramts" },
  { "Siobhan", "O'Brien", "Head of Digital Services" },
  { "Anna", "Dietrich", "die Leiterin der Ausländerbehörde und des Standesamts" },
  { "Dieter", "Özdemir", "Sachbearbeiter Wohngeld" },
  { "Ines", "Ortmann", "Digitalisierung & OZG" },
  { "Lena", "Brandt", NULL },
};

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = se_test_make_dir ();
  f->path = se_test_db_new (f->dir, "search.db");
  f->store = se_test_db_open (f->path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(SeRecord) person = g_object_new (SE_TYPE_PERSON, "given-name", people[i].given,
                                                  "family-name", people[i].family, "function",
                                                  people[i].function, NULL);

      g_assert_true (se_store_save (f->store, person, NULL, &error));
      g_assert_no_error (error);
      f->people[i] = se_record_get_id (person);
    }
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_clear_object (&f->store);
  se_test_remove_dir (f->dir);
  se_test_db_free (f->path);
  g_free (f->dir);
}

/* The people @search finds, as indexes into people[], in the list's order
 * (family name), as a string such as "1 3" */
static char *
found (Fixture    *f,
       const char *search)
{
  g_autoptr(SeQueryModel) model = se_query_model_new (f->store, SE_TYPE_PERSON);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n;

  se_query_model_set_search (model, search);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n; i++)
    {
      gint64 id = se_query_model_get_id (model, i);

      for (guint k = 0; k < G_N_ELEMENTS (people); k++)
        if (f->people[k] == id)
          g_string_append_printf (out, "%s%u", out->len > 0 ? " " : "", k);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_same_ids (Fixture      *f,
               gconstpointer data)
{
  static const struct
  {
    const char *search;
    const char *people; /* indexes into people[], in the list's order */
  } cases[] = {
    /* Everyone, by family name */
    { "", "5 2 0 1 4 3" },
    { "   ", "5 2 0 1 4 3" },
    /* Umlauts, as typed and without their dots; both halves of a
     * hyphenated name */
    { "Müller", "0" },
    { "muller", "0" },
    { "MÜLLER", "0" },
    { "lüdensch", "0" },
    { "Özdemir", "3" },
    { "ozd", "3" },
    { "Bürgeramt", "0" },
    /* The apostrophe: a name of two words */
    { "O'Brien", "1" },
    { "o'bri", "1" },
    { "brien", "1" },
    /* German words a stop-word list or a stemmer would drop or cut */
    { "die", "2 3" },
    { "der", "2" },
    { "und", "2" },
    { "des", "2 0" },
    { "Leiter", "2 0" },
    { "Leiterin", "2" },
    /* A one-letter prefix, and each word as a prefix of its own */
    { "d", "2 0 1 4 3" },
    { "o", "1 4 3" },
    { "dig ozg", "4" },
    { "head dig", "1" },
    { "jürgen leiter", "0" },
    /* Words that find nothing together */
    { "brandt müller", "" },
    { "zzz", "" },
    /* Search syntax of either backend is text: nothing breaks */
    { "\"", "5 2 0 1 4 3" },
    { "*", "5 2 0 1 4 3" },
    { "&", "5 2 0 1 4 3" },
    { "OZG & ", "4" },
    { "!ozg", "4" },
    { "ozg:*", "4" },
    { "(ozg", "4" },
    { "ozg | brandt", "" },
    { "NEAR(ozg brandt)", "" },
    { "\"o'brien\"*", "1" },
    { "o <-> brien", "1" },
    { "-brandt", "5" },
    { "brandt OR müller", "" },
    { "'; DROP TABLE person; --", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ids = found (f, cases[i].search);

      g_test_message ("“%s”: %s", cases[i].search, ids);
      g_assert_cmpstr (ids, ==, cases[i].people);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/search/same-ids", Fixture, NULL, fixture_set_up, test_same_ids, fixture_tear_down);

  return g_test_run ();
}
