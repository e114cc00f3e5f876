/* se-query-model.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-store"

#include "config.h"

#include "se-enums.h"
#include "se-organisation.h"
#include "se-participant.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement-topic.h"
#include "se-placement.h"
#include "se-query-model.h"
#include "se-store-private.h"
#include "se-topic.h"

/* A list of records of one kind as the window shows it: filtered, searched
 * and sorted by SQL on indexes (se-store-query.c), without loading the
 * table. It holds the ids of its rows and builds a record only when a row
 * is asked for, through the store's identity map, so that a row shows the
 * same object as every other view of that record. The last rows asked for
 * stay in a small cache; the store keeps them up to date.
 *
 * A new query reads the first page of ids and the count only, so that a
 * list of 200,000 placements (or a search that matches 130,000 of them)
 * shows its first rows at once; the other ids follow in an idle callback,
 * or at once when a row beyond the first page is asked for. A list view's
 * model (se_query_model_new_for_view ()) on a server does not even count
 * before its first page: counting 200,000 rows there takes fifty times as
 * long as the page. It has the first page's rows until the idle callback
 * has read the others, and then tells the view they were added.
 *
 * After a committed change to its kind (or to one that feeds its search),
 * the model reads its ids again and reports what changed as exact
 * positions: the rows between the unchanged beginning and end, and each
 * changed record that kept its place, so that its row is drawn again.
 *
 * A list view asks for its rows in bursts, one per frame that scrolls. When
 * a burst lies a steady distance after the one before (a scroll bar
 * dragged, a page key held, a wheel turned), the rows of the next burst
 * are read ahead in idle callbacks, between frames, so that the next frame
 * finds them in the cache instead of reading them itself. */

/* More than a list view asks for at once: GTK 4.8's binds the rows of
 * the first 201 items when it gets its model, and item 201 beyond the
 * first page would read all the other ids before the window is drawn. */
#define FIRST_PAGE 256
/* A view's model that learns its length later holds only these at first,
 * and the view binds no more: enough for a window's rows, and each more
 * makes a rare word's search walk further down the list on a server */
#define FIRST_VIEW_PAGE 64
/* The ids such a model reads on in each idle callback */
#define COMPLETE_CHUNK 4096
#define CACHE_SIZE 512
#define PREFETCH   50
/* At most this many rows read ahead of a scroll: a list view asks for
 * about 200 at a time (GTK 4.8 keeps 200 rows bound). */
#define AHEAD_MAX  256
#define AHEAD_SLACK 4

struct _SeQueryModel
{
  GObject      parent_instance;

  SeStore     *store;
  GType        record_type;
  char        *search;
  int          kind;
  int          status;
  int          year;
  gint64       organisation_id;

  GArray      *ids;          /* gint64, the first ids->len rows */
  guint        n_items;      /* all rows; more than ids->len until complete */
  gboolean     for_view;     /* may learn its length after the first page */
  gboolean     counted;      /* n_items is all rows, not just those read */
  guint        complete_source;

  GQueue       cache;        /* SeRecord, most recently used first */
  GHashTable  *cached;       /* id -> GList link in cache */

  /* Reading ahead: the positions asked for since the last idle, the first
   * one of the burst before, and the positions still to read ahead. */
  guint        burst_first, burst_end;
  guint        burst_source;
  gboolean     have_last;
  guint        last_first;
  guint        ahead_pos, ahead_end;
  guint        ahead_source;

  gboolean     touched;      /* a change since the last refresh concerns us */
  GHashTable  *updated;      /* ids of our kind updated in that change */
  gulong       record_changed_id;
  gulong       changed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SeQueryModel, se_query_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* The cache */

static void
cache_clear (SeQueryModel *self)
{
  g_hash_table_remove_all (self->cached);
  g_queue_clear_full (&self->cache, g_object_unref);
}

static void
cache_drop (SeQueryModel *self,
            gint64        id)
{
  GList *link = g_hash_table_lookup (self->cached, &id);

  if (link == NULL)
    return;
  g_hash_table_remove (self->cached, &id);
  g_object_unref (link->data);
  g_queue_delete_link (&self->cache, link);
}

static void
cache_put (SeQueryModel *self,
           gint64        id,
           SeRecord     *record)
{
  g_queue_push_head (&self->cache, g_object_ref (record));
  g_hash_table_insert (self->cached, g_memdup2 (&id, sizeof id), self->cache.head);

  while (self->cache.length > CACHE_SIZE)
    {
      SeRecord *old = g_queue_pop_tail (&self->cache);
      gint64 old_id = se_record_get_id (old);

      g_hash_table_remove (self->cached, &old_id);
      g_object_unref (old);
    }
}

/* Reads the records of the rows from @position on that are not cached,
 * at most PREFETCH of them and up to the first one that is, in one go. */
static void
cache_fill (SeQueryModel *self,
            guint         position)
{
  gint64 ids[PREFETCH] = { 0 };
  SeRecord *records[PREFETCH] = { NULL };
  guint n = 0;

  for (guint i = position; i < self->ids->len && n < PREFETCH; i++)
    {
      gint64 next = g_array_index (self->ids, gint64, i);

      if (i > position && g_hash_table_contains (self->cached, &next))
        break;
      ids[n++] = next;
    }

  _se_store_lookup_many (self->store, self->record_type, ids, n, records);

  /* The later ones first, so that the first is the most recent. */
  for (guint i = n; i-- > 0;)
    {
      if (records[i] == NULL)
        continue;
      cache_put (self, ids[i], records[i]);
      g_object_unref (records[i]);
    }
}

static gboolean burst_done_cb (gpointer data);

/* The record at @position. A row not in the cache brings the rows after it
 * that are not either (a list view asks for a screenful, one row after
 * the other): their records are read in one go. */
static SeRecord *
cache_get (SeQueryModel *self,
           guint         position)
{
  gint64 id = g_array_index (self->ids, gint64, position);
  GList *link;

  if (self->burst_source == 0)
    {
      self->burst_first = position;
      self->burst_end = position + 1;
      self->burst_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, burst_done_cb, self, NULL);
    }
  else
    {
      self->burst_first = MIN (self->burst_first, position);
      self->burst_end = MAX (self->burst_end, position + 1);
    }

  link = g_hash_table_lookup (self->cached, &id);
  if (link == NULL)
    {
      cache_fill (self, position);
      link = g_hash_table_lookup (self->cached, &id);
      if (link == NULL)
        return NULL;
    }

  g_queue_unlink (&self->cache, link);
  g_queue_push_head_link (&self->cache, link);
  return g_object_ref (link->data);
}

/* Reading ahead */

static void
ahead_stop (SeQueryModel *self)
{
  g_clear_handle_id (&self->burst_source, g_source_remove);
  g_clear_handle_id (&self->ahead_source, g_source_remove);
  self->have_last = FALSE;
  self->ahead_pos = self->ahead_end = 0;
}

/* One block of the rows ahead per idle callback, so that a frame that
 * falls due meanwhile waits for one block at most. */
static gboolean
ahead_cb (gpointer data)
{
  SeQueryModel *self = data;

  while (self->ahead_pos < self->ahead_end)
    {
      guint position = self->ahead_pos;
      gint64 id = g_array_index (self->ids, gint64, position);

      self->ahead_pos++;
      if (!g_hash_table_contains (self->cached, &id))
        {
          cache_fill (self, position);
          return G_SOURCE_CONTINUE;
        }
    }

  self->ahead_source = 0;
  return G_SOURCE_REMOVE;
}

/* After a burst of rows asked for: if it moved on from the one before,
 * the rows as far on again are read ahead. */
static gboolean
burst_done_cb (gpointer data)
{
  SeQueryModel *self = data;
  gint64 stride, first, end;

  self->burst_source = 0;
  stride = self->have_last ? (gint64) self->burst_first - self->last_first : 0;
  self->have_last = TRUE;
  self->last_first = self->burst_first;
  if (stride == 0)
    return G_SOURCE_REMOVE;

  /* A few rows more on either side: a scroll bar dragged at a steady
   * speed moves by a fractional number of rows. */
  first = (gint64) self->burst_first + stride - AHEAD_SLACK;
  end = MIN ((gint64) self->burst_end + stride + AHEAD_SLACK, first + AHEAD_MAX);
  first = CLAMP (first, 0, (gint64) self->ids->len);
  end = CLAMP (end, first, (gint64) self->ids->len);
  if (first == end)
    return G_SOURCE_REMOVE;

  self->ahead_pos = first;
  self->ahead_end = end;
  if (self->ahead_source == 0)
    self->ahead_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, ahead_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

/* Queries */

static int
enum_value_of (SeQueryModel *self,
               const char   *field,
               int           value,
               const char  **nick)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (self->record_type);
  const SeField *f = se_record_class_find_field (SE_RECORD_CLASS (klass), field);

  *nick = NULL;
  if (value < 0 || f == NULL || f->type != SE_FIELD_ENUM)
    return -1;
  *nick = se_enum_get_nick (f->target (), value);
  return value;
}

static void
fill_spec (SeQueryModel *self,
           SeQuerySpec  *spec)
{
  spec->type = self->record_type;
  spec->search = self->search;
  enum_value_of (self, "kind", self->kind, &spec->kind);
  enum_value_of (self, "status", self->status, &spec->status);
  spec->year = self->year;
  spec->organisation_id = self->organisation_id;
}

static gboolean
query (SeQueryModel *self,
       gint64        after_id,
       guint         limit,
       GArray       *ids)
{
  SeQuerySpec spec;
  g_autoptr(GError) error = NULL;

  fill_spec (self, &spec);
  if (!_se_store_query_ids (self->store, &spec, after_id, limit, ids, &error))
    {
      /* A closed store or a damaged file: the list shows what it has. */
      g_warning ("Could not read the list: %s", error->message);
      return FALSE;
    }
  return TRUE;
}

static guint
query_count (SeQueryModel *self)
{
  SeQuerySpec spec;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  fill_spec (self, &spec);
  if (!_se_store_query_count (self->store, &spec, &count, &error))
    g_warning ("Could not count the list: %s", error->message);
  return count;
}

/* Reads up to @limit ids after those read (0 for all of them). Returns
 * whether more are left. */
static gboolean
read_more (SeQueryModel *self,
           guint         limit)
{
  guint loaded = self->ids->len;

  if (loaded >= self->n_items && self->counted)
    return FALSE;

  /* Keyset paging: after the last row read, not past as many rows */
  if (loaded > 0)
    query (self, g_array_index (self->ids, gint64, loaded - 1), limit, self->ids);
  if (limit == 0 || self->ids->len - loaded < limit)
    self->counted = TRUE;
  else if (!self->counted)
    {
      /* Not counted: what was read so far is all the view has */
      self->n_items = self->ids->len;
      g_list_model_items_changed (G_LIST_MODEL (self), loaded, 0, self->ids->len - loaded);
      return TRUE;
    }

  /* Another program may have written to the file since the count, or
   * there was none. */
  if (self->ids->len != self->n_items)
    {
      guint old = self->n_items;

      self->n_items = self->ids->len;
      g_list_model_items_changed (G_LIST_MODEL (self), loaded, old - loaded,
                                  self->ids->len - loaded);
    }
  return self->ids->len < self->n_items;
}

/* Reads the ids after the first page. */
static void
complete (SeQueryModel *self)
{
  g_clear_handle_id (&self->complete_source, g_source_remove);
  read_more (self, 0);
}

static gboolean
complete_cb (gpointer data)
{
  SeQueryModel *self = data;

  /* A model not counted yet reads on a few thousand rows at a time, so
   * that typing in the search is not kept waiting: on a server all
   * 127,000 ids of a one-letter search take a third of a second. */
  if (!self->counted && read_more (self, COMPLETE_CHUNK))
    return G_SOURCE_CONTINUE;
  self->complete_source = 0;
  read_more (self, 0);
  return G_SOURCE_REMOVE;
}

/* A new query (a filter or the search changed): all rows replaced. */
static void
reload (SeQueryModel *self)
{
  guint old = self->n_items;
  guint    first;
  gboolean reading;

  g_clear_handle_id (&self->complete_source, g_source_remove);
  ahead_stop (self);
  g_array_set_size (self->ids, 0);
  /* The page and the count in one read, so that they agree. */
  reading = _se_store_read_begin (self->store);
  first = self->for_view && self->store->dialect->count_after_first_page ? FIRST_VIEW_PAGE
                                                                         : FIRST_PAGE;
  query (self, 0, first, self->ids);
  self->counted = self->ids->len < first || first == FIRST_PAGE;
  if (self->ids->len < first)
    self->n_items = self->ids->len;
  else
    self->n_items = self->counted ? query_count (self) : self->ids->len;
  _se_store_read_end (self->store, reading);
  if (self->n_items < self->ids->len)
    self->n_items = self->ids->len;

  if (self->ids->len < self->n_items || !self->counted)
    self->complete_source = g_idle_add_full (G_PRIORITY_LOW, complete_cb, self, NULL);

  if (old > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
}

/* After a committed change: the same query again, and what moved. */
static void
refresh (SeQueryModel *self)
{
  g_autoptr(GArray) old = self->ids;
  g_autoptr(GHashTable) updated = self->updated;
  guint old_n = self->n_items;
  gboolean       was_complete = self->counted && old->len == old_n;
  guint prefix = 0, suffix = 0, new_n;
  GHashTableIter iter;
  gpointer key;

  g_clear_handle_id (&self->complete_source, g_source_remove);
  ahead_stop (self);
  self->updated = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  query (self, 0, 0, self->ids);
  new_n = self->n_items = self->ids->len;
  self->counted = TRUE;

  while (prefix < old->len && prefix < new_n
         && g_array_index (old, gint64, prefix) == g_array_index (self->ids, gint64, prefix))
    prefix++;

  if (!was_complete)
    {
      /* The rows after the first page were never read, so where they were
       * is unknown: everything after the common beginning is new. */
      if (prefix < old_n || prefix < new_n)
        g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix, new_n - prefix);
    }
  else
    {
      while (suffix < old_n - prefix && suffix < new_n - prefix
             && g_array_index (old, gint64, old_n - 1 - suffix)
                == g_array_index (self->ids, gint64, new_n - 1 - suffix))
        suffix++;
      if (prefix + suffix < old_n || prefix + suffix < new_n)
        g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix,
                                    new_n - prefix - suffix);
    }

  /* A changed record that kept its place: its row is drawn again. */
  g_hash_table_iter_init (&iter, updated);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 id = *(gint64 *) key;
      guint end = was_complete ? new_n - suffix : new_n;

      for (guint i = 0; i < prefix; i++)
        if (g_array_index (self->ids, gint64, i) == id)
          g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
      for (guint i = end; i < new_n && was_complete; i++)
        if (g_array_index (self->ids, gint64, i) == id)
          g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
    }
}

/* Whether a change to @type can change which rows we show or their order. */
static gboolean
concerns (SeQueryModel *self,
          GType         type)
{
  if (type == self->record_type)
    return TRUE;
  if (self->record_type == SE_TYPE_PLACEMENT)
    return type == SE_TYPE_PARTICIPANT || type == SE_TYPE_PERSON || type == SE_TYPE_TOPIC
           || type == SE_TYPE_PLACEMENT_TOPIC;
  if (self->record_type == SE_TYPE_PARTNERSHIP)
    return type == SE_TYPE_ORGANISATION;
  return FALSE;
}

static void
record_changed_cb (SeStore      *store,
                   GType         type,
                   gint64        id,
                   int           change,
                   SeQueryModel *self)
{
  if (!concerns (self, type))
    return;

  self->touched = TRUE;
  if (type != self->record_type)
    return;
  if (change == SE_STORE_CHANGE_DELETE)
    {
      /* SQLite may give the id to the next new row. */
      cache_drop (self, id);
      g_hash_table_remove (self->updated, &id);
    }
  else if (change == SE_STORE_CHANGE_UPDATE)
    g_hash_table_add (self->updated, g_memdup2 (&id, sizeof id));
}

static void
changed_cb (SeStore      *store,
            SeQueryModel *self)
{
  if (!self->touched)
    return;
  self->touched = FALSE;
  refresh (self);
}

/* GListModel */

static GType
se_query_model_get_item_type (GListModel *model)
{
  return SE_QUERY_MODEL (model)->record_type;
}

static guint
se_query_model_get_n_items (GListModel *model)
{
  return SE_QUERY_MODEL (model)->n_items;
}

static gpointer
se_query_model_get_item (GListModel *model,
                         guint       position)
{
  SeQueryModel *self = SE_QUERY_MODEL (model);
  gint64 id = se_query_model_get_id (self, position);

  return id != 0 ? cache_get (self, position) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = se_query_model_get_item_type;
  iface->get_n_items = se_query_model_get_n_items;
  iface->get_item = se_query_model_get_item;
}

static void
se_query_model_dispose (GObject *object)
{
  SeQueryModel *self = SE_QUERY_MODEL (object);

  g_clear_handle_id (&self->complete_source, g_source_remove);
  ahead_stop (self);
  g_clear_signal_handler (&self->record_changed_id, self->store);
  g_clear_signal_handler (&self->changed_id, self->store);
  cache_clear (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (se_query_model_parent_class)->dispose (object);
}

static void
se_query_model_finalize (GObject *object)
{
  SeQueryModel *self = SE_QUERY_MODEL (object);

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->cached, g_hash_table_unref);
  g_clear_pointer (&self->updated, g_hash_table_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (se_query_model_parent_class)->finalize (object);
}

static void
se_query_model_class_init (SeQueryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = se_query_model_dispose;
  object_class->finalize = se_query_model_finalize;
}

static void
se_query_model_init (SeQueryModel *self)
{
  self->kind = -1;
  self->status = -1;
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cached = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->updated = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_queue_init (&self->cache);
}

static SeQueryModel *
model_new (SeStore *store,
           GType    record_type,
           gboolean for_view)
{
  SeQueryModel *self = g_object_new (SE_TYPE_QUERY_MODEL, NULL);

  self->for_view = for_view;
  self->store = g_object_ref (store);
  self->record_type = record_type;
  self->record_changed_id = g_signal_connect (store, "record-changed",
                                              G_CALLBACK (record_changed_cb), self);
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (changed_cb), self);
  reload (self);
  return self;
}

/**
 * se_query_model_new:
 * @store: a store
 * @record_type: the kind of record: %SE_TYPE_PLACEMENT, %SE_TYPE_AGREEMENT,
 *   %SE_TYPE_PARTNERSHIP, %SE_TYPE_PERSON or %SE_TYPE_ORGANISATION are
 *   sorted, filtered and searched as the window shows them; any other
 *   kind lists all its records by id
 *
 * Placements come newest first (start date, then id); agreements by the
 * end of their validity, open-ended ones last, then title; people by
 * family and given name; organisations by name; partnerships by title,
 * or by their first organisation's name when they have none.
 *
 * Returns: (transfer full): a list model of @record_type, following the
 *   store's changes
 */
SeQueryModel *
se_query_model_new (SeStore *store,
                    GType    record_type)
{
  g_return_val_if_fail (SE_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, SE_TYPE_RECORD), NULL);

  return model_new (store, record_type, FALSE);
}

/**
 * se_query_model_new_for_view:
 *
 * The same as se_query_model_new (), for a list view, which follows
 * #GListModel::items-changed: on a server the model may hold only its
 * first rows at first, and add the others in an idle callback, so that
 * the view shows them at once. Code that goes through every row calls
 * se_query_model_read_all () first.
 *
 * Returns: (transfer full): a list model of @record_type
 */
SeQueryModel *
se_query_model_new_for_view (SeStore *store,
                             GType    record_type)
{
  g_return_val_if_fail (SE_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, SE_TYPE_RECORD), NULL);

  return model_new (store, record_type, TRUE);
}

/**
 * se_query_model_read_all:
 *
 * Reads the rows the model has not read yet, now rather than in its idle
 * callback: afterwards its length is that of all its records.
 */
void
se_query_model_read_all (SeQueryModel *self)
{
  g_return_if_fail (SE_IS_QUERY_MODEL (self));

  complete (self);
}

/**
 * se_query_model_get_store:
 *
 * Returns: (transfer none): the store the model reads
 */
SeStore *
se_query_model_get_store (SeQueryModel *self)
{
  g_return_val_if_fail (SE_IS_QUERY_MODEL (self), NULL);

  return self->store;
}

/**
 * se_query_model_get_id:
 *
 * Returns: the id of the record at @position, without building the
 *   record; 0 beyond the end
 */
gint64
se_query_model_get_id (SeQueryModel *self,
                       guint         position)
{
  g_return_val_if_fail (SE_IS_QUERY_MODEL (self), 0);

  if (position >= self->n_items)
    return 0;
  if (position >= self->ids->len)
    complete (self);
  if (position >= self->ids->len)
    return 0;
  return g_array_index (self->ids, gint64, position);
}

/**
 * se_query_model_set_search:
 * @text: (nullable): words the user typed; %NULL or "" for all records
 *
 * Keeps the records in which every word begins a word of their names,
 * titles, topics or places (placements also by their participants' names,
 * partnerships by their organisations'). Case and accents do not matter:
 * "muller" finds "Müller".
 */
void
se_query_model_set_search (SeQueryModel *self,
                           const char   *text)
{
  g_return_if_fail (SE_IS_QUERY_MODEL (self));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (text, self->search) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (text);
  reload (self);
}

/**
 * se_query_model_set_kind:
 * @kind: a value of the kind's enum (e.g. #SePlacementKind), or -1 for any
 *
 * Ignored for a kind of record without a "kind" field.
 */
void
se_query_model_set_kind (SeQueryModel *self,
                         int           kind)
{
  g_return_if_fail (SE_IS_QUERY_MODEL (self));

  if (kind < 0)
    kind = -1;
  if (kind == self->kind)
    return;
  self->kind = kind;
  reload (self);
}

/**
 * se_query_model_set_status:
 * @status: a value of the status enum (e.g. #SePlacementStatus), or -1
 *
 * Ignored for a kind of record without a "status" field.
 */
void
se_query_model_set_status (SeQueryModel *self,
                           int           status)
{
  g_return_if_fail (SE_IS_QUERY_MODEL (self));

  if (status < 0)
    status = -1;
  if (status == self->status)
    return;
  self->status = status;
  reload (self);
}

/**
 * se_query_model_set_year:
 * @year: a year, or 0 for any
 *
 * Keeps placements that take place in @year (start to end), agreements
 * valid in it (valid from to valid until; an open end is open) and
 * partnerships that existed in it (since to until). Ignored for people
 * and organisations.
 */
void
se_query_model_set_year (SeQueryModel *self,
                         int           year)
{
  g_return_if_fail (SE_IS_QUERY_MODEL (self));
  g_return_if_fail (year >= 0 && year <= 9999);

  if (year == self->year)
    return;
  self->year = year;
  reload (self);
}

/**
 * se_query_model_set_organisation:
 * @organisation_id: an organisation, or 0 for any
 *
 * Keeps placements in which someone of the organisation takes part or
 * which it hosts, agreements it is a party to, its partnerships, its
 * people, and the organisation itself with its departments.
 */
void
se_query_model_set_organisation (SeQueryModel *self,
                                 gint64        organisation_id)
{
  g_return_if_fail (SE_IS_QUERY_MODEL (self));

  if (organisation_id < 0)
    organisation_id = 0;
  if (organisation_id == self->organisation_id)
    return;
  self->organisation_id = organisation_id;
  reload (self);
}
