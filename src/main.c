/* main.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "staff-exchange"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "se-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SeApplication) app = NULL;
  const char *localedir = g_getenv ("SE_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* SE_LOCALEDIR lets translators try a translation from the build tree. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Staff Exchange"));

  app = se_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
