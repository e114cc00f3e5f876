/* se-tool-page.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-pages"

#include "config.h"

#include "se-tool-page.h"

/* The base of the pages beside the records: Checks, Statistics, Calendar
 * and History. It holds what they share: a header bar with the page's
 * title and a back button for when the window's leaflet is folded, and the
 * store, whose changes bring the page up to date in an idle and only while
 * it is shown. A hidden page is marked stale and refreshed when it is
 * mapped again, so that a large database opens fast. */

typedef struct
{
  SeStore      *store;
  char         *title;
  char         *subtitle;
  gboolean      folded;
  guint         idle_id;
  gboolean      stale;
  /* The work under way in a worker thread (se_tool_page_run_work) */
  GCancellable *working;

  AdwHeaderBar *header;
} SeToolPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SeToolPage, se_tool_page, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_OPEN_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
refresh_idle (gpointer user_data)
{
  SeToolPage *self = user_data;
  SeToolPagePrivate *priv = se_tool_page_get_instance_private (self);

  priv->idle_id = 0;
  se_tool_page_refresh (self);
  return G_SOURCE_REMOVE;
}

static gboolean
se_tool_page_real_refresh_hidden (SeToolPage *self)
{
  return FALSE;
}

static void
se_tool_page_map (GtkWidget *widget)
{
  SeToolPage *self = SE_TOOL_PAGE (widget);
  SeToolPagePrivate *priv = se_tool_page_get_instance_private (self);

  GTK_WIDGET_CLASS (se_tool_page_parent_class)->map (widget);

  if (priv->stale && priv->idle_id == 0)
    priv->idle_id = g_idle_add_full (G_PRIORITY_LOW, refresh_idle, self, NULL);
}

static void
se_tool_page_constructed (GObject *object)
{
  SeToolPage *self = SE_TOOL_PAGE (object);
  SeToolPagePrivate *priv = se_tool_page_get_instance_private (self);

  G_OBJECT_CLASS (se_tool_page_parent_class)->constructed (object);

  g_return_if_fail (SE_IS_STORE (priv->store));
  g_signal_connect_swapped (priv->store, "changed", G_CALLBACK (se_tool_page_queue_refresh),
                            self);
  se_tool_page_queue_refresh (self);
}

static void
se_tool_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SeToolPage *self = SE_TOOL_PAGE (object);
  SeToolPagePrivate *priv = se_tool_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, priv->subtitle);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, priv->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
se_tool_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SeToolPage *self = SE_TOOL_PAGE (object);
  SeToolPagePrivate *priv = se_tool_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    case PROP_TITLE:
      g_free (priv->title);
      priv->title = g_value_dup_string (value);
      break;
    case PROP_SUBTITLE:
      g_free (priv->subtitle);
      priv->subtitle = g_value_dup_string (value);
      break;
    case PROP_FOLDED:
      priv->folded = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
se_tool_page_dispose (GObject *object)
{
  SeToolPage *self = SE_TOOL_PAGE (object);
  SeToolPagePrivate *priv = se_tool_page_get_instance_private (self);

  g_clear_handle_id (&priv->idle_id, g_source_remove);
  se_tool_page_cancel_work (self);
  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_data (priv->store, self);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (se_tool_page_parent_class)->dispose (object);
}

static void
se_tool_page_finalize (GObject *object)
{
  SeToolPage *self = SE_TOOL_PAGE (object);
  SeToolPagePrivate *priv = se_tool_page_get_instance_private (self);

  g_free (priv->title);
  g_free (priv->subtitle);

  G_OBJECT_CLASS (se_tool_page_parent_class)->finalize (object);
}

static void
se_tool_page_class_init (SeToolPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = se_tool_page_constructed;
  object_class->get_property = se_tool_page_get_property;
  object_class->set_property = se_tool_page_set_property;
  object_class->dispose = se_tool_page_dispose;
  object_class->finalize = se_tool_page_finalize;
  widget_class->map = se_tool_page_map;
  klass->refresh_hidden = se_tool_page_real_refresh_hidden;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Shown in the header bar (unless the page puts a title widget of its
   * own there) */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* Bound to the window's leaflet: TRUE when it shows one pane at a time,
   * with a back button to the sections and the window's buttons here */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SeToolPage::open-record:
   * @record: the record chosen on the page, as it is now
   */
  signals[SIGNAL_OPEN_RECORD] =
    g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, SE_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/staffexchange/StaffExchange/"
                                               "se-tool-page.ui");
  /* Internal: a page's own template adds its buttons or title widget to
   * it with <child internal-child="header"> */
  gtk_widget_class_bind_template_child_internal_private (widget_class, SeToolPage, header);
}

static void
se_tool_page_init (SeToolPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * se_tool_page_get_store:
 *
 * Returns: (transfer none): the store the page shows
 */
SeStore *
se_tool_page_get_store (SeToolPage *self)
{
  SeToolPagePrivate *priv = se_tool_page_get_instance_private (self);

  g_return_val_if_fail (SE_IS_TOOL_PAGE (self), NULL);

  return priv->store;
}

/**
 * se_tool_page_get_header_bar:
 *
 * Returns: (transfer none): the page's header bar, for the page's own
 *   buttons (packed at the end) or a title widget of its own
 */
AdwHeaderBar *
se_tool_page_get_header_bar (SeToolPage *self)
{
  SeToolPagePrivate *priv = se_tool_page_get_instance_private (self);

  g_return_val_if_fail (SE_IS_TOOL_PAGE (self), NULL);

  return priv->header;
}

/**
 * se_tool_page_queue_refresh:
 *
 * Refreshes the page in an idle if it is shown (or if the page's
 * refresh_hidden says so), else when it is shown again.
 */
void
se_tool_page_queue_refresh (SeToolPage *self)
{
  SeToolPagePrivate *priv = se_tool_page_get_instance_private (self);

  g_return_if_fail (SE_IS_TOOL_PAGE (self));

  if (!gtk_widget_get_mapped (GTK_WIDGET (self))
      && !SE_TOOL_PAGE_GET_CLASS (self)->refresh_hidden (self))
    {
      priv->stale = TRUE;
      return;
    }

  if (priv->idle_id == 0)
    priv->idle_id = g_idle_add_full (G_PRIORITY_LOW, refresh_idle, self, NULL);
}

/**
 * se_tool_page_refresh:
 *
 * Brings the page up to date now, whatever refresh was queued.
 */
void
se_tool_page_refresh (SeToolPage *self)
{
  SeToolPagePrivate *priv = se_tool_page_get_instance_private (self);

  g_return_if_fail (SE_IS_TOOL_PAGE (self));

  priv->stale = FALSE;
  g_clear_handle_id (&priv->idle_id, g_source_remove);
  SE_TOOL_PAGE_GET_CLASS (self)->refresh (self);
}

/**
 * se_tool_page_get_refresh_queued:
 *
 * Returns: whether the store changed since the page was last brought up
 *   to date
 */
gboolean
se_tool_page_get_refresh_queued (SeToolPage *self)
{
  SeToolPagePrivate *priv = se_tool_page_get_instance_private (self);

  g_return_val_if_fail (SE_IS_TOOL_PAGE (self), FALSE);

  return priv->stale || priv->idle_id != 0;
}

/* Asks the window to show @record. */
void
se_tool_page_open_record (SeToolPage *self,
                          SeRecord   *record)
{
  g_return_if_fail (SE_IS_TOOL_PAGE (self));
  g_return_if_fail (SE_IS_RECORD (record));

  g_signal_emit (self, signals[SIGNAL_OPEN_RECORD], 0, record);
}

/* Work in a worker thread */

typedef struct
{
  char               *path;
  SeToolPageWorkFunc  work;
  gpointer            data;
  GDestroyNotify      data_free;
  GDestroyNotify      result_free;
  SeToolPageDoneFunc  done;
  GWeakRef            page;
} Work;

static void
work_free (gpointer p)
{
  Work *w = p;

  if (w->data_free != NULL)
    w->data_free (w->data);
  g_weak_ref_clear (&w->page);
  g_free (w->path);
  g_free (w);
}

/* In the worker thread: nothing of the page here, only the path and the
 * work's own data. */
static void
work_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work *w = task_data;
  g_autoptr(SeStore) store = NULL;
  GError *error = NULL;

  store = se_store_open_location (w->path, SE_STORE_OPEN_FLAGS_NO_CREATE, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, w->work (store, w->data), w->result_free);
}

static void
work_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Work *w = g_task_get_task_data (G_TASK (result));
  g_autoptr(SeToolPage) self = g_weak_ref_get (&w->page);
  g_autoptr(GError) error = NULL;
  SeToolPagePrivate *priv;
  gpointer value;

  value = g_task_propagate_pointer (G_TASK (result), &error);
  priv = self != NULL ? se_tool_page_get_instance_private (self) : NULL;
  /* A newer run replaced this one, or the page went away */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self == NULL
      || g_task_get_cancellable (G_TASK (result)) != priv->working)
    {
      if (value != NULL && w->result_free != NULL)
        w->result_free (value);
      return;
    }

  g_clear_object (&priv->working);
  if (value == NULL)
    {
      /* The second connection could not open the file (a network drive
       * locks it), or a server dropped it while it opened: work here. */
      g_debug ("%s: working on the window's connection: %s", G_OBJECT_TYPE_NAME (self),
               error != NULL ? error->message : "no result");
      value = w->work (priv->store, w->data);
    }
  w->done (self, value);
}

/**
 * se_tool_page_run_work:
 * @work: what to compute; it gets a store and @data
 * @data: (transfer full): what @work needs besides the store; it must not
 *   refer to the page or the window's store (threads)
 * @result_free: frees a result @done does not get
 * @done: takes the result, on the main thread
 *
 * Runs @work in a worker thread on a connection of its own, so that the
 * window stays usable, and calls @done with the result. An earlier run
 * still under way is cancelled: its result is dropped. On a network drive
 * (exclusive locking: a second connection cannot open the file), and if
 * the second connection fails, @work runs on the page's store, here.
 */
void
se_tool_page_run_work (SeToolPage         *self,
                       SeToolPageWorkFunc  work,
                       gpointer            data,
                       GDestroyNotify      data_free,
                       GDestroyNotify      result_free,
                       SeToolPageDoneFunc  done)
{
  SeToolPagePrivate *priv = se_tool_page_get_instance_private (self);
  g_autoptr(GTask) task = NULL;
  Work *w;

  g_return_if_fail (SE_IS_TOOL_PAGE (self));

  se_tool_page_cancel_work (self);
  if (se_store_is_on_network (priv->store))
    {
      gpointer value = work (priv->store, data);

      if (data_free != NULL)
        data_free (data);
      done (self, value);
      return;
    }

  w = g_new0 (Work, 1);
  w->path = g_strdup (se_store_get_path (priv->store));
  w->work = work;
  w->data = data;
  w->data_free = data_free;
  w->result_free = result_free;
  w->done = done;
  g_weak_ref_init (&w->page, self);

  priv->working = g_cancellable_new ();
  task = g_task_new (NULL, priv->working, work_done, NULL);
  g_task_set_source_tag (task, se_tool_page_run_work);
  g_task_set_task_data (task, w, work_free);
  g_task_run_in_thread (task, work_thread);
}

/* Cancels the work under way, if any: its result is dropped. */
void
se_tool_page_cancel_work (SeToolPage *self)
{
  SeToolPagePrivate *priv = se_tool_page_get_instance_private (self);

  g_return_if_fail (SE_IS_TOOL_PAGE (self));

  if (priv->working != NULL)
    g_cancellable_cancel (priv->working);
  g_clear_object (&priv->working);
}

/**
 * se_tool_page_get_working:
 *
 * Returns: whether se_tool_page_run_work () runs in the background
 */
gboolean
se_tool_page_get_working (SeToolPage *self)
{
  SeToolPagePrivate *priv = se_tool_page_get_instance_private (self);

  g_return_val_if_fail (SE_IS_TOOL_PAGE (self), FALSE);

  return priv->working != NULL;
}
