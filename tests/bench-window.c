/* bench-window.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <adwaita.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "se-store.h"
#include "se-test-bench.h"
#include "se-window.h"

/* Benchmarks B3, B4 and B6: the window on the large database (se-generate's
 * default, 200,000 placements, written next to this program when missing,
 * like bench-scale does) against the window on an empty database:
 *
 *   B3 the peak resident memory (VmHWM) once the placements list is drawn;
 *   B4 the time from starting the process to the first drawn frame
 *      (median of 5 starts);
 *   B6 scrolling the placements list from top to bottom, one drawn frame
 *      per step: the longest frame.
 *
 *   bench-window [--database FILE] [all|b3b4|b6]
 *
 * Every measurement runs in a fresh child process (this program again,
 * with --child), so that no case inherits memory, caches or GTK state from
 * another; a child that takes longer than 120 s is killed and its case
 * reported as failed. The children need a display: build-aux/benchmarks
 * runs this under xvfb-run with the UI tests' environment, which means
 * software rendering (Xvfb, GSK_RENDERER=cairo).
 *
 * Each line "RESULT <name> <value> <unit>" is read by build-aux/benchmarks. */

#define REPEAT 5
#define CHILD_TIMEOUT_S 120
#define FRAME_BUDGET_MS 16.0
#define WIDTH 1200
#define HEIGHT 760

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_double);
  return values[n / 2];
}

/* --- the child: one window ------------------------------------------------- */

typedef struct
{
  SeWindow      *window;
  GdkSurface    *surface;
  GdkFrameClock *clock;
  gboolean       rendered;     /* the surface was drawn since the last after-paint */
  guint          drawn_frames; /* after-paints of frames that drew the surface */
  gint64         before_paint;
  gint64         first_frame;
  gint64         shown_frame;  /* the first drawn frame with the list on screen */
  double         last_paint_ms;
  gboolean       big;
} Child;

static Child child;

/* GtkWindow's own "render" handler stops the emission, so a handler of ours
 * would never run: an emission hook sees every render. */
static gboolean
on_render_hook (GSignalInvocationHint *hint,
                guint                  n_values,
                const GValue          *values,
                gpointer               data)
{
  (void) hint;
  (void) n_values;
  (void) data;
  if (g_value_get_object (&values[0]) == (GObject *) child.surface)
    child.rendered = TRUE;
  return TRUE;
}

static gboolean list_shown (void);

static void
on_before_paint (GdkFrameClock *clock,
                 gpointer       data)
{
  (void) clock;
  (void) data;
  child.before_paint = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  gint64 now = g_get_monotonic_time ();

  (void) clock;
  (void) data;
  if (!child.rendered)
    return;
  child.rendered = FALSE;
  child.last_paint_ms = (double) (now - child.before_paint) / 1000.0;
  if (child.drawn_frames++ == 0)
    child.first_frame = now;
  if (child.shown_frame == 0 && list_shown ())
    child.shown_frame = now;
}

static void
on_realize (GtkWidget *widget,
            gpointer   data)
{
  (void) data;
  child.surface = gtk_native_get_surface (GTK_NATIVE (widget));
  child.clock = gdk_surface_get_frame_clock (child.surface);
  g_signal_connect (child.clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (child.clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
}

static GtkWidget *
find_list_view (GtkWidget  *root,
                const char *name)
{
  if (GTK_IS_LIST_VIEW (root) && g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_list_view (c, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The placements list with rows on screen, or (empty database) the
 * welcome page. */
static gboolean
list_shown (void)
{
  GtkWidget *view;

  if (!child.big)
    return g_strcmp0 (se_window_get_page (child.window), "welcome") == 0
           && gtk_widget_get_mapped (GTK_WIDGET (child.window));
  view = find_list_view (GTK_WIDGET (child.window), "placements");
  if (view == NULL || !gtk_widget_get_mapped (view))
    return FALSE;
  for (GtkWidget *c = gtk_widget_get_first_child (view); c; c = gtk_widget_get_next_sibling (c))
    if (gtk_widget_get_mapped (c) && gtk_widget_get_height (c) > 0)
      return TRUE;
  return FALSE;
}

static long
vm_hwm_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? strtol (line + strlen ("VmHWM:"), NULL, 10) : -1;
}

/* Runs the main loop until @frames more drawn frames, at most @timeout_ms. */
static gboolean
wait_frames (guint frames,
             guint timeout_ms)
{
  guint target = child.drawn_frames + frames;
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (child.drawn_frames < target)
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }
  return TRUE;
}

/* Until a drawn frame shows the list (or the welcome page) */
static gboolean
wait_shown (void)
{
  gint64 end = g_get_monotonic_time () + 100 * G_USEC_PER_SEC;

  while (child.shown_frame == 0)
    {
      if (g_get_monotonic_time () > end)
        {
          g_printerr ("bench-window: no frame with the list after 100 s\n");
          return FALSE;
        }
      g_main_context_iteration (NULL, TRUE);
    }
  return TRUE;
}

/* What the app does on start, then the main loop until the first frame
 * that shows the list. */
static gboolean
open_window (const char *path)
{
  /* GTK, Adwaita and the style sheet alone, for the log */
  g_print ("CHILD vmhwm-before-window-kb %ld\n", vm_hwm_kb ());
  child.window = se_window_new (NULL, path);
  gtk_window_set_default_size (GTK_WINDOW (child.window), WIDTH, HEIGHT);
  g_signal_connect_after (child.window, "realize", G_CALLBACK (on_realize), NULL);
  gtk_window_present (GTK_WINDOW (child.window));
  se_window_show_section (child.window, "placements");
  return wait_shown ();
}

static int
child_open (const char *path,
            gboolean    big,
            gint64      spawned,
            gint64      main_entry)
{
  child.big = big;
  if (!open_window (path))
    return 1;

  g_print ("CHILD first-frame-ms %.2f\n", (double) (child.first_frame - spawned) / 1000.0);
  g_print ("CHILD main-to-first-frame-ms %.2f\n",
           (double) (child.first_frame - main_entry) / 1000.0);
  g_print ("CHILD list-shown-ms %.2f\n", (double) (child.shown_frame - spawned) / 1000.0);
  g_print ("CHILD vmhwm-kb %ld\n", vm_hwm_kb ());
  g_print ("CHILD items %u\n", g_list_model_get_n_items (se_window_get_visible_list (child.window)));
  return 0;
}

static int
child_scroll (const char *path)
{
  GtkWidget *view, *scrolled;
  GtkAdjustment *adj;
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  double worst_wall = 0, worst = 0, sum = 0, page, jump = 0;
  guint over = 0, over_smooth = 0, smooth_steps = 0, failed = 0;

  child.big = TRUE;
  if (!open_window (path))
    return 1;
  /* Let whatever follows the first frame (a toast, the counts) settle. */
  wait_frames (10, 2000);

  view = find_list_view (GTK_WIDGET (child.window), "placements");
  scrolled = view != NULL ? gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  if (scrolled == NULL)
    {
      g_printerr ("bench-window: no scrolled placements list\n");
      return 1;
    }
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  page = gtk_adjustment_get_page_size (adj);
  g_print ("CHILD items %u\n", g_list_model_get_n_items (se_window_get_visible_list (child.window)));
  g_print ("CHILD upper-px %.0f\n", gtk_adjustment_get_upper (adj));
  g_print ("CHILD page-px %.0f\n", page);
  if (page <= 0 || gtk_adjustment_get_upper (adj) <= page)
    {
      g_printerr ("bench-window: the placements list does not scroll\n");
      return 1;
    }

  /* Half a page at a time over the first 100 pages, as a wheel or the
   * keyboard scrolls; then 600 equal jumps to the end, each to rows never
   * shown before, as dragging the scroll bar does. Every step is drawn. */
  while (TRUE)
    {
      double value = gtk_adjustment_get_value (adj);
      double last = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);
      double step = page / 2;
      gint64 t0, t1;
      double ms, wall;

      if (value >= last - 0.5)
        break;
      if (smooth_steps < 200)
        smooth_steps++;
      else
        {
          if (jump == 0)
            jump = MAX (page / 2, (last - value) / 600);
          step = jump;
        }

      t0 = g_get_monotonic_time ();
      child.rendered = FALSE;
      gtk_adjustment_set_value (adj, MIN (value + step, last));
      t1 = g_get_monotonic_time ();
      if (!wait_frames (1, 5000))
        {
          failed++;
          g_printerr ("bench-window: no frame within 5 s after scrolling to %.0f\n", value + step);
          if (failed > 3)
            return 1;
          continue;
        }
      /* The change itself (synchronous) plus the frame that drew it */
      ms = (double) (t1 - t0) / 1000.0 + child.last_paint_ms;
      wall = (double) (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (frames, ms);
      worst = MAX (worst, ms);
      worst_wall = MAX (worst_wall, wall);
      sum += ms;
      if (ms > FRAME_BUDGET_MS)
        {
          over++;
          if (jump == 0)
            over_smooth++;
        }
    }

  g_print ("CHILD end-value-px %.0f\n", gtk_adjustment_get_value (adj));
  g_print ("CHILD frames %u\n", frames->len);
  g_print ("CHILD max-ms %.2f\n", worst);
  g_print ("CHILD mean-ms %.2f\n", frames->len ? sum / frames->len : 0);
  g_print ("CHILD median-ms %.2f\n",
           frames->len ? median ((double *) (void *) frames->data, frames->len) : 0);
  g_print ("CHILD over-ms %u\n", over);
  g_print ("CHILD over-smooth %u\n", over_smooth);
  g_print ("CHILD smooth-steps %u\n", smooth_steps);
  g_print ("CHILD max-wall-ms %.2f\n", worst_wall);
  return 0;
}

static gboolean
wake (gpointer data)
{
  (void) data;
  return G_SOURCE_CONTINUE;
}

static int
run_child (int    argc,
           char **argv)
{
  gint64 main_entry = g_get_monotonic_time ();
  gint64 spawned;
  int status;

  /* Never outlive the parent (killed by meson's timeout, say). */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  if (argc != 5)
    {
      g_printerr ("bench-window: --child MODE DATABASE SPAWN-TIME\n");
      return 2;
    }
  spawned = g_ascii_strtoll (argv[4], NULL, 10);

  gtk_init ();
  adw_init ();
  {
    GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
    GtkCssProvider *css = gtk_css_provider_new ();

    gtk_icon_theme_add_resource_path (theme, "/io/github/staffexchange/StaffExchange/icons");
    gtk_css_provider_load_from_resource (css, "/io/github/staffexchange/StaffExchange/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    g_object_unref (css);
  }
  /* Wakes the waiting loops, so that their time limits hold even when
   * nothing else happens. */
  g_timeout_add (100, wake, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0,
                              on_render_hook, NULL, NULL);

  if (g_str_equal (argv[2], "open-large"))
    status = child_open (argv[3], TRUE, spawned, main_entry);
  else if (g_str_equal (argv[2], "open-empty"))
    status = child_open (argv[3], FALSE, spawned, main_entry);
  else if (g_str_equal (argv[2], "scroll"))
    status = child_scroll (argv[3]);
  else
    {
      g_printerr ("bench-window: unknown child mode %s\n", argv[2]);
      return 2;
    }

  if (child.window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (child.window));
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  return status;
}

/* --- the parent: no GTK, only children --------------------------------------- */

typedef struct
{
  GMainLoop *loop;
  char      *out;
  GError    *error;
  gboolean   timed_out;
} Run;

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  Run *run = data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, NULL,
                                        &run->error);
  g_main_loop_quit (run->loop);
}

static gboolean
on_timeout (gpointer data)
{
  Run *run = data;

  run->timed_out = TRUE;
  g_main_loop_quit (run->loop);
  return G_SOURCE_REMOVE;
}

/* SE_BENCH_CHILD_TIMEOUT (seconds) shortens it, to try the failure path. */
static guint
child_timeout (void)
{
  const char *v = g_getenv ("SE_BENCH_CHILD_TIMEOUT");
  guint64 s = v != NULL ? g_ascii_strtoull (v, NULL, 10) : 0;

  return s > 0 && s < CHILD_TIMEOUT_S ? (guint) s : CHILD_TIMEOUT_S;
}

/* Runs this program as a child in @mode; its "CHILD key value" lines, or
 * %NULL when it failed or took too long (said on stderr). */
static GHashTable *
spawn_child (const char *self,
             const char *mode,
             const char *database,
             const char *scratch)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *spawned = NULL;
  g_autofree char *config = g_build_filename (scratch, "config", NULL);
  g_autofree char *data = g_build_filename (scratch, "data", NULL);
  g_autofree char *cache = g_build_filename (scratch, "cache", NULL);
  g_autoptr(GError) error = NULL;
  Run run = { loop, NULL, NULL, FALSE };
  GHashTable *values;
  guint timeout;

  /* Settings, backups of the default database and caches stay in the
   * scratch folder, even when run outside build-aux/benchmarks. */
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache, TRUE);

  spawned = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  process = g_subprocess_launcher_spawn (launcher, &error, self, "--child", mode, database,
                                         spawned, NULL);
  if (process == NULL)
    {
      g_printerr ("bench-window: %s: %s\n", mode, error->message);
      return NULL;
    }
  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_communicated, &run);
  timeout = g_timeout_add_seconds (child_timeout (), on_timeout, &run);
  g_main_loop_run (loop);
  if (run.timed_out)
    {
      g_printerr ("bench-window: %s: FAILED: no result after %u s; killed\n", mode,
                  child_timeout ());
      g_subprocess_force_exit (process);
      g_subprocess_wait (process, NULL, NULL);
      /* Let the cancelled read finish before @run goes away. */
      g_main_loop_run (loop);
      g_clear_error (&run.error);
      g_free (run.out);
      return NULL;
    }
  g_source_remove (timeout);
  g_subprocess_wait (process, NULL, NULL);
  if (run.error != NULL || !g_subprocess_get_if_exited (process)
      || g_subprocess_get_exit_status (process) != 0)
    {
      g_printerr ("bench-window: %s: FAILED: %s\n", mode,
                  run.error != NULL ? run.error->message : "the child failed");
      g_clear_error (&run.error);
      g_free (run.out);
      return NULL;
    }

  values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  {
    g_auto(GStrv) lines = g_strsplit (run.out != NULL ? run.out : "", "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_auto(GStrv) f = g_strsplit (lines[i], " ", 3);
        if (g_strv_length (f) == 3 && g_str_equal (f[0], "CHILD"))
          g_hash_table_insert (values, g_strdup (f[1]), g_strdup (f[2]));
      }
  }
  g_free (run.out);
  return values;
}

static double
value (GHashTable *values,
       const char *key)
{
  const char *v = g_hash_table_lookup (values, key);

  return v != NULL ? g_ascii_strtod (v, NULL) : -1;
}

/* B3 and B4 from the same starts: REPEAT fresh processes per database,
 * alternating, after one start of each that is not counted (it warms the
 * page cache and makes the automatic backup a first start of the day
 * makes). */
static gboolean
bench_b3_b4 (const char *self,
             const char *large,
             const char *empty,
             const char *scratch)
{
  double frame[2][REPEAT], hwm[2][REPEAT], shown[2][REPEAT];
  const char *modes[2] = { "open-empty", "open-large" };
  const char *paths[2] = { empty, large };

  for (int round = -1; round < REPEAT; round++)
    for (int c = 0; c < 2; c++)
      {
        g_autoptr(GHashTable) v = spawn_child (self, modes[c], paths[c], scratch);

        if (v == NULL)
          {
            g_print ("b3, b4: FAILED: the %s database (see above)\n", c ? "large" : "empty");
            g_print ("RESULT b3-failed 1 -\n");
            g_print ("RESULT b4-failed 1 -\n");
            return FALSE;
          }
        g_print ("b3, b4: %s database, %s: first frame %.0f ms after the start"
                 " (%.0f ms after main()), list shown %.0f ms, VmHWM %.0f kB"
                 " (%.0f kB before the window), %.0f items\n",
                 c ? "large" : "empty", round < 0 ? "warm-up, not counted" : "counted",
                 value (v, "first-frame-ms"), value (v, "main-to-first-frame-ms"),
                 value (v, "list-shown-ms"), value (v, "vmhwm-kb"),
                 value (v, "vmhwm-before-window-kb"), value (v, "items"));
        if (round >= 0)
          {
            frame[c][round] = value (v, "first-frame-ms");
            shown[c][round] = value (v, "list-shown-ms");
            hwm[c][round] = value (v, "vmhwm-kb");
          }
      }

  g_print ("RESULT b3-large-kb %.0f kB\n", median (hwm[1], REPEAT));
  g_print ("RESULT b3-empty-kb %.0f kB\n", median (hwm[0], REPEAT));
  g_print ("RESULT b3-ratio %.2f x\n", median (hwm[1], REPEAT) / median (hwm[0], REPEAT));
  g_print ("RESULT b4-large-ms %.1f ms\n", median (frame[1], REPEAT));
  g_print ("RESULT b4-empty-ms %.1f ms\n", median (frame[0], REPEAT));
  g_print ("RESULT b4-ratio %.2f x\n", median (frame[1], REPEAT) / median (frame[0], REPEAT));
  g_print ("RESULT b4-large-list-ms %.1f ms\n", median (shown[1], REPEAT));
  return TRUE;
}

static gboolean
bench_b6 (const char *self,
          const char *large,
          const char *scratch)
{
  g_autoptr(GHashTable) v = spawn_child (self, "scroll", large, scratch);

  if (v == NULL)
    {
      g_print ("b6: FAILED (see above)\n");
      g_print ("RESULT b6-failed 1 -\n");
      return FALSE;
    }
  g_print ("b6: %.0f placements, %.0f px high, a page of %.0f px; scrolled to %.0f px"
           " in %.0f drawn frames (software rendering: Xvfb and GSK_RENDERER=%s)\n",
           value (v, "items"), value (v, "upper-px"), value (v, "page-px"),
           value (v, "end-value-px"), value (v, "frames"),
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  g_print ("b6: per frame, the scrolling call plus before-paint to after-paint:"
           " max %.1f ms, median %.1f ms, mean %.1f ms; longest from the call to the"
           " drawn frame %.1f ms\n",
           value (v, "max-ms"), value (v, "median-ms"), value (v, "mean-ms"),
           value (v, "max-wall-ms"));
  g_print ("b6: frames over %.0f ms: %.0f of the %.0f half-page steps, %.0f of the %.0f jumps\n",
           FRAME_BUDGET_MS, value (v, "over-smooth"), value (v, "smooth-steps"),
           value (v, "over-ms") - value (v, "over-smooth"),
           value (v, "frames") - value (v, "smooth-steps"));
  g_print ("RESULT b6-max-ms %.2f ms\n", value (v, "max-ms"));
  g_print ("RESULT b6-median-ms %.2f ms\n", value (v, "median-ms"));
  g_print ("RESULT b6-over %.0f frames\n", value (v, "over-ms"));
  g_print ("RESULT b6-frames %.0f frames\n", value (v, "frames"));
  return TRUE;
}

static gboolean
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) src = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  if (!g_file_copy (src, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    {
      g_printerr ("bench-window: copying %s: %s\n", from, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child_path = g_build_filename (path, name, NULL);
        if (g_file_test (child_path, G_FILE_TEST_IS_DIR)
            && !g_file_test (child_path, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child_path);
        else
          g_unlink (child_path);
      }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *database = NULL;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database,
      "The large database (default: se-large.db next to this program)", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *self = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *large = NULL;
  g_autofree char *empty = NULL;
  const char *which;
  gboolean ok = TRUE;

  if (argc > 1 && g_str_equal (argv[1], "--child"))
    return run_child (argc, argv);

  context = g_option_context_new ("[all|b3b4|b6]");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-window: %s\n", error->message);
      return 2;
    }
  which = argc > 1 ? argv[1] : "all";
  if (!g_str_equal (which, "all") && !g_str_equal (which, "b3b4") && !g_str_equal (which, "b6"))
    {
      g_printerr ("bench-window: say all, b3b4 or b6\n");
      return 2;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-window: needs a display: run it under xvfb-run, as"
                  " build-aux/benchmarks does\n");
      return 1;
    }

  self = g_file_read_link ("/proc/self/exe", &error);
  if (self == NULL)
    g_error ("bench-window: %s", error->message);
  if (database == NULL)
    database = se_bench_large_database (argv[0]);

  /* Copies in a scratch folder: opening the window writes (an automatic
   * backup next to the file, a migration), and the backups are large. */
  scratch = g_dir_make_tmp ("bench-window-XXXXXX", &error);
  if (scratch == NULL)
    g_error ("bench-window: %s", error->message);
  large = g_build_filename (scratch, "large.db", NULL);
  empty = g_build_filename (scratch, "empty.db", NULL);
  if (!copy_file (database, large))
    {
      remove_tree (scratch);
      return 1;
    }
  {
    g_autoptr(SeStore) store = se_store_open (empty, SE_STORE_OPEN_FLAGS_NONE, &error);
    if (store == NULL)
      g_error ("bench-window: %s", error->message);
  }

  if (g_str_equal (which, "all") || g_str_equal (which, "b3b4"))
    ok &= bench_b3_b4 (self, large, empty, scratch);
  if (g_str_equal (which, "all") || g_str_equal (which, "b6"))
    ok &= bench_b6 (self, large, scratch);

  remove_tree (scratch);
  return ok ? 0 : 1;
}
