/* se-store.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "se-agreement.h"
#include "se-approval.h"
#include "se-error.h"
#include "se-organisation.h"
#include "se-participant.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement-topic.h"
#include "se-placement.h"
#include "se-prerequisite.h"
#include "se-programme-item.h"
#include "se-signatory.h"
#include "se-store-private.h"
#include "se-topic.h"
#include "se-unit.h"

/* SeStore owns the SQLite connection. It is the only place that speaks
 * SQL: records, lists and the user interface see GObjects.
 *
 * Every write runs in BEGIN IMMEDIATE ... COMMIT and is rolled back on any
 * error. SQLite's update hook tells which rows a transaction touched
 * (cascades included); once COMMIT has succeeded the lists are brought up
 * to date from the database, so a list never shows what was rolled back.
 * Each list holds one object per row; the store hands out those objects,
 * so that a record shown twice is one object. */

void
_se_store_bulk_free (gpointer data)
{
  Bulk *b = data;

  g_array_unref (b->ids);
  g_free (b);
}

enum
{
  SIGNAL_CHANGED,
  SIGNAL_RECORD_CHANGED,
  SIGNAL_PRESENCE_CHANGED,
  SIGNAL_MAINTENANCE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_LIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SeStore, se_store, G_TYPE_OBJECT)

/* For the listener (se-store-server.c) */
void
_se_store_set_live (SeStore *self,
                    gboolean live)
{
  if (self->live == live)
    return;
  self->live = live;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIVE]);
}

/**
 * se_store_get_live:
 *
 * Returns: whether the store hears of what other connections commit as
 *   they commit (#SeStore:live)
 */
gboolean
se_store_get_live (SeStore *self)
{
  g_return_val_if_fail (SE_IS_STORE (self), FALSE);

  return self->live;
}

static void
se_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SeStore *self = SE_STORE (object);

  switch (prop_id)
    {
    case PROP_LIVE:
      g_value_set_boolean (value, self->live);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* For the change tracking (se-store-changes.c) */
void
_se_store_emit_record_changed (SeStore    *self,
                               GType       type,
                               gint64      id,
                               ChangeKind  kind)
{
  g_signal_emit (self, signals[SIGNAL_RECORD_CHANGED], 0, type, id, (int) kind);
}

void
_se_store_emit_changed (SeStore *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
_se_store_emit_maintenance_changed (SeStore *self)
{
  g_signal_emit (self, signals[SIGNAL_MAINTENANCE_CHANGED], 0);
}

void
_se_store_emit_presence_changed (SeStore *self,
                                 GType    type,
                                 gint64   id)
{
  g_signal_emit (self, signals[SIGNAL_PRESENCE_CHANGED], 0, type, id);
}

/* In the order they depend on each other. */
static GType record_types[13];

const GType *
se_store_get_record_types (guint *n_types)
{
  if (record_types[0] == 0)
    {
      GType types[] = {
        SE_TYPE_ORGANISATION, SE_TYPE_UNIT, SE_TYPE_PERSON, SE_TYPE_TOPIC,
        SE_TYPE_PARTNERSHIP, SE_TYPE_AGREEMENT, SE_TYPE_SIGNATORY, SE_TYPE_APPROVAL,
        SE_TYPE_PLACEMENT, SE_TYPE_PARTICIPANT, SE_TYPE_PROGRAMME_ITEM,
        SE_TYPE_PREREQUISITE, SE_TYPE_PLACEMENT_TOPIC,
      };
      G_STATIC_ASSERT (G_N_ELEMENTS (types) == G_N_ELEMENTS (record_types));
      memcpy (record_types, types, sizeof types);
    }

  if (n_types != NULL)
    *n_types = G_N_ELEMENTS (record_types);
  return record_types;
}

int
se_store_get_schema_version (void)
{
  guint n;
  const SeMigration *m = _se_store_get_migrations (&n);

  return m[n - 1].version;
}

/**
 * se_store_dup_default_path:
 *
 * Returns: (transfer full): the database the app opens when no other is
 *   named: staff-exchange.db in $XDG_DATA_HOME/staff-exchange/
 */
char *
se_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "staff-exchange", "staff-exchange.db", NULL);
}

/* Errors */

void
_se_store_set_db_error (GError   **error,
                        SeDb      *db,
                        SeDbResult rc)
{
  /* The backend's words, kept in the message for whoever reads it out */
  const char *detail = db != NULL ? se_db_get_message (db) : "";

  switch (rc)
    {
    case SE_DB_DISK_FULL:
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_DISK_FULL,
                           _("The disk is full. Free some space and try again; "
                             "nothing was changed."));
      break;
    case SE_DB_IO:
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_IO,
                   _("The database file could not be read or written (%s). "
                     "Check the disk or network drive and try again; nothing was changed."),
                   detail);
      break;
    case SE_DB_BUSY:
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_BUSY,
                           _("The database is in use by another program. Wait a moment "
                             "and try again; nothing was changed."));
      break;
    case SE_DB_READ_ONLY:
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_READ_ONLY,
                           _("The database can only be read, not changed. Ask for write "
                             "access to the file and its folder."));
      break;
    case SE_DB_PERMISSION_DENIED:
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_PERMISSION_DENIED,
                           _("The server refused this: your role in the database does not "
                             "allow it. Nothing was changed. Ask the database’s administrator "
                             "if you need to do it."));
      break;
    case SE_DB_NOT_A_DATABASE:
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_NOT_A_DATABASE,
                           _("This file is not a Staff Exchange database. Choose another "
                             "file."));
      break;
    case SE_DB_CORRUPT:
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_CORRUPT,
                           _("The database file is damaged. Restore it from a backup."));
      break;
    case SE_DB_CONNECTION_LOST:
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_IO,
                           _("The connection to the database server was lost, so nothing was "
                             "changed. Try again: Staff Exchange connects again by itself once "
                             "the server answers."));
      break;
    case SE_DB_NEEDS_PASSWORD:
    case SE_DB_PASSWORD_REFUSED:
      {
        char    *host = NULL, *port = NULL, *database = NULL, *user = NULL;
        gboolean known = db != NULL && se_db_pg_get_login (db, &host, &port, &database, &user);

        if (!known)
          user = g_strdup ("");
        if (rc == SE_DB_NEEDS_PASSWORD)
          g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_NEEDS_PASSWORD,
                       /* Translators: %s is a user name on a database server */
                       _("The database server asks for the password of the user “%s”, and "
                         "none was given. Sign in when the window asks for it, or keep it in "
                         "~/.pgpass on this computer."),
                          user);
        else
          g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_PASSWORD_REFUSED,
                       /* Translators: %s is a user name on a database server */
                       _("The database server refused the user name or the password (user "
                         "“%s”). Check them, or ask your IT department for access."),
                          user);
        /* Whom and where, for the keyring */
        if (known && error != NULL)
          _se_store_error_take_login (*error, host, port, database, user);
        else
          {
            g_free (host);
            g_free (port);
            g_free (database);
            g_free (user);
          }
      }
      break;
    case SE_DB_CANNOT_OPEN:
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CANNOT_OPEN,
                   _("The database file could not be opened (%s). Check that it exists "
                     "and that you may read it."), detail);
      break;
    default:
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_FAILED,
                   _("The database reported an error: %s"), detail);
      break;
    }
}

/* Statements */

SeDbStmt *
_se_store_prepare_cached (SeStore     *self,
                          const char  *sql,
                          GError     **error)
{
  SeDbStmt *stmt = g_hash_table_lookup (self->statements, sql);
  SeDbResult rc;

  if (stmt != NULL)
    {
      se_db_reset (stmt);
      se_db_clear_bindings (stmt);
      return stmt;
    }

  rc = se_db_prepare (self->db, sql, TRUE, &stmt);
  if (rc != SE_DB_OK)
    {
      _se_store_set_db_error (error, self->db, rc);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* TRUE when @rc is SE_DB_OK; otherwise the store's words for it */
gboolean
_se_store_check (SeStore     *self,
                 SeDbResult   rc,
                 GError     **error)
{
  if (rc == SE_DB_OK)
    return TRUE;
  _se_store_set_db_error (error, self->db, rc);
  return FALSE;
}

gboolean
_se_store_exec (SeStore     *self,
                const char  *sql,
                GError     **error)
{
  SeDbResult rc = se_db_exec (self->db, sql);

  if (rc != SE_DB_OK)
    {
      _se_store_set_db_error (error, self->db, rc);
      return FALSE;
    }
  return TRUE;
}

gboolean
_se_store_query_int (SeDb       *db,
                     const char *sql,
                     gint64     *value,
                     GError    **error)
{
  SeDbStmt *stmt = NULL;
  SeDbResult rc = se_db_prepare (db, sql, FALSE, &stmt);

  if (rc == SE_DB_OK)
    {
      rc = se_db_step (stmt);
      if (rc == SE_DB_ROW)
        {
          *value = se_db_column_int64 (stmt, 0);
          rc = SE_DB_OK;
        }
    }
  if (rc != SE_DB_OK)
    _se_store_set_db_error (error, db, rc);

  se_db_stmt_free (stmt);
  return rc == SE_DB_OK;
}

/* Several reads as one: on its own each statement takes and drops
 * SQLite's shared lock and looks for a hot journal (seven system calls),
 * which costs more than reading a row. Nothing is written in between. */
gboolean
_se_store_read_begin (SeStore *self)
{
  return self->db != NULL && !se_db_in_transaction (self->db)
         && se_db_begin (self->db, FALSE) == SE_DB_OK;
}

void
_se_store_read_end (SeStore  *self,
                    gboolean  began)
{
  if (began && self->db != NULL && se_db_in_transaction (self->db))
    se_db_commit (self->db);
}

char *
_se_store_column_name (const char *field)
{
  return g_strdelimit (g_strdup (field), "-", '_');
}

/* Opening */

static gboolean
migrate (SeStore  *self,
         gint64    from_version,
         GError  **error)
{
  guint n;
  const SeMigration *migrations = _se_store_get_migrations (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *pragmas = NULL;

      if (migrations[i].version <= from_version)
        continue;

      if (!_se_store_check (self, se_db_begin (self->db, TRUE), error))
        return FALSE;

      pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                 SE_STORE_APPLICATION_ID, migrations[i].version);

      if (!_se_store_exec (self, migrations[i].sql, error)
          || !_se_store_exec (self, pragmas, error)
          || !_se_store_check (self, se_db_commit (self->db), error))
        {
          g_prefix_error (error, _("The database could not be brought up to date: "));
          se_db_rollback (self->db);
          return FALSE;
        }
    }

  return TRUE;
}

/* Looks at the file before anything is written to it. */
static gboolean
probe (SeStore  *self,
       gint64   *version,
       GError  **error)
{
  gint64 app_id = 0, n_objects = 0;

  if (!_se_store_query_int (self->db, "PRAGMA application_id", &app_id, error)
      || !_se_store_query_int (self->db, "PRAGMA user_version", version, error)
      || !_se_store_query_int (self->db, "SELECT count(*) FROM sqlite_master", &n_objects, error))
    return FALSE;

  if (app_id == 0 && *version == 0 && n_objects == 0)
    return TRUE; /* a new, empty database */

  if (app_id != SE_STORE_APPLICATION_ID)
    {
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_FOREIGN_FILE,
                           _("This file belongs to another program, not to Staff Exchange. "
                             "It was left as it is. Choose a Staff Exchange database."));
      return FALSE;
    }

  if (*version > se_store_get_schema_version ())
    {
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_TOO_NEW,
                           _("This database was written by a newer version of Staff Exchange. "
                             "It was left as it is. Update Staff Exchange to open it."));
      return FALSE;
    }

  return TRUE;
}

/* Creates the file readable by its owner only, before SQLite sees it. */
static gboolean
create_file (const char  *path,
             GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (path);

      if (saved == EEXIST)
        return TRUE;
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CANNOT_OPEN,
                   _("“%s” could not be created: %s. Check that the folder exists and "
                     "that you may write to it."), name, g_strerror (saved));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/**
 * se_store_open:
 * @path: the database file
 * @flags: how to open it
 * @error: a #SE_STORE_ERROR that says what is wrong and what to do
 *
 * Opens a database, creating it (readable by the owner only) when it does
 * not exist and brings its schema up to date. A file that is not a Staff
 * Exchange database, belongs to another program or was written by a newer
 * version is refused and left exactly as it was.
 *
 * Returns: (transfer full) (nullable): the store
 */
SeStore *
se_store_open (const char        *path,
               SeStoreOpenFlags   flags,
               GError           **error)
{
  return _se_store_open_with_options (path, flags, NULL, error);
}

/**
 * se_store_location_is_server:
 * @location: what the user gave as the database
 *
 * Returns: whether @location names a database server (a postgresql://
 *   or postgres:// address, or service=NAME) rather than a file
 */
gboolean
se_store_location_is_server (const char *location)
{
  g_return_val_if_fail (location != NULL, FALSE);

  return se_db_is_server_location (location);
}

/**
 * se_store_dup_location_name:
 * @location: a file, or a server (se_store_location_is_server ())
 *
 * Returns: (transfer full): @location in words for a window's title or
 *   the About dialog: a file's name, or a server database's service name
 *   or host and database. Never a password, which a connection URI may
 *   hold.
 */
char *
se_store_dup_location_name (const char *location)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (se_db_is_server_location (location))
    return se_db_pg_describe (location);
  return g_path_get_basename (location);
}

/**
 * se_store_dup_location_to_remember:
 * @location: a file, or a server (se_store_location_is_server ())
 *
 * Returns: (transfer full): @location as Open Recent keeps it: a file as
 *   it is, a server's address without a password it may hold
 */
char *
se_store_dup_location_to_remember (const char *location)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (se_db_is_server_location (location))
    return se_db_pg_dup_without_password (location);
  return g_strdup (location);
}

/**
 * se_store_open_location:
 * @location: a file, or a server (se_store_location_is_server ())
 *
 * Opens a file as se_store_open () does, or a database on a server. The
 * command-line jobs take both; the window opens files.
 *
 * Returns: (transfer full) (nullable): the store
 */
SeStore *
se_store_open_location (const char      *location,
                        SeStoreOpenFlags flags,
                        GError         **error)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (se_db_is_server_location (location))
    return _se_store_open_server (location, flags, error);
  return se_store_open (location, flags, error);
}

/**
 * se_store_open_location_as:
 * @location: a file, or a server (se_store_location_is_server ())
 * @flags: how to open it
 * @user: (nullable): on a server, the user to sign in as; %NULL for the
 *   one @location and libpq name
 * @password: (nullable): on a server, @user's password; %NULL to open
 *   as se_store_open_location () does, with what libpq finds (~/.pgpass,
 *   the environment) and the login given before, if any
 * @error: a #SE_STORE_ERROR; on a server that wants a password,
 *   %SE_STORE_ERROR_NEEDS_PASSWORD when none was given, or
 *   %SE_STORE_ERROR_PASSWORD_REFUSED, both with se_store_error_get_login ()
 *
 * Opens @location as se_store_open_location () does, on a server signed
 * in as @user with @password. Once it opens, this process's later
 * connections to @location sign in the same way: the store's own when it
 * connects again, its listener's, and the stores opened on the same
 * location later (a second window, the jobs that read in a thread), until
 * se_store_forget_login (). Neither is ever part of @location, which
 * titles show and settings keep.
 *
 * Returns: (transfer full) (nullable): the store
 */
SeStore *
se_store_open_location_as (const char      *location,
                           SeStoreOpenFlags flags,
                           const char      *user,
                           const char      *password,
                           GError         **error)
{
  gpointer previous;
  SeStore *store;

  g_return_val_if_fail (location != NULL, NULL);

  if (!se_db_is_server_location (location) || password == NULL)
    return se_store_open_location (location, flags, error);

  previous = se_db_pg_set_login (location, user, password);
  store = _se_store_open_server (location, flags, error);
  if (store == NULL)
    se_db_pg_restore_login (location, previous);
  else
    se_db_pg_login_free (previous);
  return store;
}

/**
 * se_store_forget_login:
 * @location: a server (se_store_location_is_server ())
 *
 * Signs out of @location: the connections to it made from now on sign in
 * with what @location and libpq give, not with what
 * se_store_open_location_as () was given. Stores open on it stay open.
 */
void
se_store_forget_login (const char *location)
{
  g_return_if_fail (location != NULL);

  if (se_db_is_server_location (location))
    se_db_pg_login_free (se_db_pg_set_login (location, NULL, NULL));
}

/* For the tests of write errors: the store on a fault-injecting VFS. */
SeStore *
_se_store_open_with_vfs (const char        *path,
                         SeStoreOpenFlags   flags,
                         const char        *vfs,
                         GError           **error)
{
  SeStoreOpenOptions options = { vfs, FALSE };

  return _se_store_open_with_options (path, flags, &options, error);
}

/* Why the database cannot be changed, in words for the window's banner. */
static char *
dup_read_only_reason (const char       *path,
                      gboolean          exists,
                      SeStoreOpenFlags  flags)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (flags & SE_STORE_OPEN_FLAGS_READ_ONLY)
    return g_strdup (_("The database was opened for reading only."));
  if (exists && g_access (path, W_OK) != 0)
    return g_strdup (_("You may read this database but not change it. To make changes, ask "
                       "for write access to the file."));
  /* SQLite writes its journal next to the file: without it no change
   * could be made safely (SQLITE_READONLY_DIRECTORY). */
  if (exists && g_access (dir, W_OK) != 0)
    return g_strdup (_("The folder of this database is read-only, so changes cannot be saved "
                       "safely. To make changes, ask for write access to the folder, or copy "
                       "the database to a folder of your own."));
  return NULL;
}

SeStore *
_se_store_open_with_options (const char               *path,
                             SeStoreOpenFlags          flags,
                             const SeStoreOpenOptions *options,
                             GError                  **error)
{
  g_autoptr(SeStore) self = NULL;
  g_autofree char *name = NULL;
  GStatBuf st;
  gboolean exists, is_sqlite = FALSE;
  gint64 version = 0, page_count = 0, page_size = 0;
  gboolean reading;
  SeDbResult rc;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_name (path);
  exists = g_stat (path, &st) == 0;

  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CANNOT_OPEN,
                   _("“%s” is not a file. Choose a database file."), name);
      return NULL;
    }
  if (exists && st.st_size == 0)
    {
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is empty, not a Staff Exchange database. It was left as it is. "
                     "Choose another file or restore a backup."), name);
      return NULL;
    }
  /* Only the header: quick_check would read the whole file, 1.4 s for
   * 100 MB from a cold cache and far more from a network drive. The
   * verified backups run quick_check instead (se-store-backup.c). */
  if (exists && !_se_store_check_header (path, &is_sqlite, error))
    return NULL;
  if (!exists)
    {
      if (flags & (SE_STORE_OPEN_FLAGS_NO_CREATE | SE_STORE_OPEN_FLAGS_READ_ONLY))
        {
          g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CANNOT_OPEN,
                       _("“%s” does not exist. Check the name."), name);
          return NULL;
        }
      if (!create_file (path, error))
        return NULL;
    }

  self = g_object_new (SE_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only_reason = dup_read_only_reason (path, exists, flags);
  self->read_only = self->read_only_reason != NULL;
  self->on_network = _se_store_path_is_on_network (path);

  /* Only a writer takes the lock: a reader (a headless export, a
   * read-only file) changes nothing, and SQLite's shared lock keeps what it
   * reads consistent. */
  if (!self->read_only && (options == NULL || !options->no_lock))
    {
      self->lock = _se_store_lock_acquire (path, FALSE, error);
      if (self->lock == NULL)
        return NULL;
    }

  rc = se_db_sqlite_open (path, self->read_only ? SE_DB_SQLITE_READ_ONLY : 0,
                          options != NULL ? options->vfs : NULL, &self->db);
  if (rc != SE_DB_OK)
    {
      _se_store_set_db_error (error, self->db, rc);
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  /* On a network drive SQLite's locks are unreliable: keep the file locked
   * from the first access until it is closed. The journal stays a rollback
   * journal; WAL needs shared memory that network drives do not have. */
  if (self->on_network && !self->read_only
      && !_se_store_exec (self, "PRAGMA locking_mode = EXCLUSIVE", error))
    return NULL;

  /* The probes read the header and the schema: one read transaction. It
   * ends before the PRAGMAs below, which do nothing within one. */
  reading = _se_store_read_begin (self);
  if (!probe (self, &version, error))
    {
      /* A file that begins like SQLite but cannot be read is ours or
       * someone's, damaged; not "not a database". */
      if (is_sqlite && g_error_matches (*error, SE_STORE_ERROR, SE_STORE_ERROR_NOT_A_DATABASE))
        {
          g_clear_error (error);
          g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_CORRUPT,
                               _("The database file is damaged. It was left as it is. "
                                 "Restore the newest backup."));
        }
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  if (!_se_store_query_int (self->db, "PRAGMA page_count", &page_count, error)
      || !_se_store_query_int (self->db, "PRAGMA page_size", &page_size, error)
      || !_se_store_check_size (path, page_count, page_size, error))
    return NULL;
  _se_store_read_end (self, reading);

  /* temp_store: a statement that fires triggers within a longer
   * transaction (each line of an import) keeps its statement journal in
   * memory; on disk it was 20 writes per saved record. */
  if (!_se_store_exec (self, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"
                             "PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;", error))
    return NULL;

  if (version < se_store_get_schema_version ())
    {
      if (self->read_only)
        {
          g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_READ_ONLY,
                       _("“%s” must be brought up to date, but it can only be read. Ask "
                         "for write access to the file and its folder."), name);
          return NULL;
        }
      /* A copy of the old file to go back to, should the new version
       * turn out wrong. Without it the file is not touched. */
      if (version > 0 && !_se_store_backup_before_migration (self, version, error))
        return NULL;
      if (!migrate (self, version, error))
        return NULL;
    }

  {
    gint64 fk = 0;
    if (!_se_store_query_int (self->db, "PRAGMA foreign_keys", &fk, error))
      return NULL;
    g_assert (fk == 1);
  }

  se_db_set_change_func (self->db, _se_store_update_hook, self);

  return g_steal_pointer (&self);
}

/* For the store's other files: the same words for the same SQLite errors. */
void
_se_store_set_error (SeStore   *self,
                     SeDbResult rc,
                     GError   **error)
{
  _se_store_set_db_error (error, self->db, rc);
}

/* For the store's other files (se-store-query.c): a cached statement,
 * reset and unbound. */
SeDbStmt *
_se_store_prepare (SeStore     *self,
                   const char  *sql,
                   GError     **error)
{
  if (self->db == NULL)
    {
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_FAILED,
                           _("The database is closed."));
      return NULL;
    }
  return _se_store_prepare_cached (self, sql, error);
}

/* For the store's other files (se-store-checks.c): the connection, or NULL
 * once closed. */
SeDb *
_se_store_get_db (SeStore *self)
{
  g_return_val_if_fail (SE_IS_STORE (self), NULL);

  return self->db;
}

/* Prepares @sql on a statement of its own, not the store's cache: the
 * callbacks of a query may look records up, which steps cached ones. For
 * the queries of se-store-*.c: step it with _se_store_query_next (). */
SeDbStmt *
_se_store_query_begin (SeStore     *self,
                       const char  *sql,
                       GError     **error)
{
  SeDbStmt *stmt = NULL;
  SeDb *db = _se_store_get_open_db (self, error);

  if (db == NULL)
    return NULL;
  if (se_db_prepare (db, sql, FALSE, &stmt) != SE_DB_OK)
    {
      _se_store_set_db_error (error, db, se_db_get_result (db));
      se_db_stmt_free (stmt);
      return NULL;
    }
  return stmt;
}

/* Steps @stmt to its next row; at the end or on an error finalises it and
 * sets *@ok (with @error) to how it went. */
gboolean
_se_store_query_next (SeStore  *self,
                      SeDbStmt *stmt,
                      gboolean *ok,
                      GError  **error)
{
  SeDbResult rc = se_db_step (stmt);

  if (rc == SE_DB_ROW)
    return TRUE;
  *ok = rc == SE_DB_DONE;
  if (!*ok)
    _se_store_set_db_error (error, self->db, se_db_get_result (self->db));
  se_db_stmt_free (stmt);
  return FALSE;
}

/* The connection, or %NULL and an error saying so once the store is
 * closed: for the queries of se-store-*.c. */
SeDb *
_se_store_get_open_db (SeStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (SE_IS_STORE (self), NULL);

  if (self->db == NULL)
    g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_FAILED,
                         _("The database is closed. Open it again."));
  return self->db;
}

const char *
se_store_get_path (SeStore *self)
{
  g_return_val_if_fail (SE_IS_STORE (self), NULL);

  return self->path;
}

gboolean
se_store_is_read_only (SeStore *self)
{
  g_return_val_if_fail (SE_IS_STORE (self), TRUE);

  return self->read_only;
}

/**
 * se_store_get_read_only_reason:
 *
 * Returns: (nullable): why the store is read-only, in a sentence that says
 *   what to do; %NULL when it can be changed
 */
const char *
se_store_get_read_only_reason (SeStore *self)
{
  g_return_val_if_fail (SE_IS_STORE (self), NULL);

  return self->read_only_reason;
}

/**
 * se_store_is_on_network:
 *
 * Returns: whether the file lies on a network drive (SMB/CIFS, NFS, FUSE,
 *   ...). It is then held in exclusive locking mode while open, and the
 *   window warns that a network drive is riskier than a local disk.
 */
gboolean
se_store_is_on_network (SeStore *self)
{
  g_return_val_if_fail (SE_IS_STORE (self), FALSE);

  return self->on_network;
}

/**
 * se_store_close:
 *
 * Closes the database; an open transaction is rolled back. The lists keep
 * what they hold but no longer change.
 */
void
se_store_close (SeStore *self)
{
  g_return_if_fail (SE_IS_STORE (self));

  g_clear_pointer (&self->listener, se_db_pg_listener_free);
  _se_store_set_live (self, FALSE);
  if (self->db != NULL)
    {
      se_store_rollback (self);
      g_hash_table_remove_all (self->statements);
      g_clear_pointer (&self->db, se_db_close);
    }

  /* Only once the file is closed, so that the next process finds no
   * journal being finished. */
  g_clear_pointer (&self->lock, _se_store_lock_release);
}

static void
se_store_finalize (GObject *object)
{
  SeStore *self = SE_STORE (object);

  se_store_close (self);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->lists, g_hash_table_unref);
  g_clear_pointer (&self->identities, g_hash_table_unref);
  g_clear_pointer (&self->table_types, g_hash_table_unref);
  g_clear_pointer (&self->select_by_id, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->inserted, g_ptr_array_unref);
  g_clear_pointer (&self->updated, g_ptr_array_unref);
  g_clear_pointer (&self->bulk_done, g_ptr_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);

  G_OBJECT_CLASS (se_store_parent_class)->finalize (object);
}

static void
se_store_class_init (SeStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = se_store_finalize;
  object_class->get_property = se_store_get_property;

  /**
   * SeStore:live:
   *
   * Whether what other connections to the server commit reaches this
   * store as they commit it (se_store_listen ()): %FALSE on a file, and
   * while the listener's connection is down.
   */
  properties[PROP_LIVE] =
    g_param_spec_boolean ("live", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SeStore::changed:
   *
   * Emitted after a transaction that changed records has committed and the
   * lists have been brought up to date.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * SeStore::record-changed:
   * @store: the store
   * @record_type: the kind of record
   * @id: its id
   * @change: a #SeStoreChange: inserted, updated or deleted
   *
   * Emitted once per row a committed transaction touched (cascades
   * included; a row touched twice may be reported twice), after the lists
   * and the live records are up to date and before #SeStore::changed.
   * The rows a bulk insert added (a CSV import) are reported together:
   * once per kind, with @id 0 and %SE_STORE_CHANGE_INSERT; so are the
   * rows another connection added (se_store_notify_changed_elsewhere()).
   */
  signals[SIGNAL_RECORD_CHANGED] =
    g_signal_new ("record-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_GTYPE, G_TYPE_INT64, G_TYPE_INT);

  /**
   * SeStore::presence-changed:
   * @store: the store
   * @record_type: the kind of record
   * @id: its id
   *
   * Emitted on a server when another client starts or stops editing the
   * record (se_store_set_editing ()): se_store_dup_editor () may say
   * something else now.
   */
  /**
   * SeStore::maintenance-changed:
   *
   * Emitted on a server when another client starts or ends a bulk import
   * or a schema upgrade, while which saves are refused:
   * se_store_dup_maintainer () says who, or %NULL once it is over.
   */
  signals[SIGNAL_MAINTENANCE_CHANGED] =
    g_signal_new ("maintenance-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  signals[SIGNAL_PRESENCE_CHANGED] =
    g_signal_new ("presence-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_GTYPE, G_TYPE_INT64);
}

static void
se_store_init (SeStore *self)
{
  guint n_types;
  const GType *types = se_store_get_record_types (&n_types);

  self->dialect = _se_store_dialect (FALSE);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) se_db_stmt_free);
  self->lists = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->identities = g_hash_table_new_full (_se_store_identity_hash, _se_store_identity_equal, NULL, _se_store_identity_free);
  self->table_types = g_hash_table_new (g_str_hash, g_str_equal);
  self->select_by_id = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->pending = g_array_new (FALSE, FALSE, sizeof (Change));
  self->inserted = g_ptr_array_new_with_free_func (g_object_unref);
  self->updated = g_ptr_array_new_with_free_func (g_object_unref);
  self->bulk_done = g_ptr_array_new_with_free_func (_se_store_bulk_free);

  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);
      g_hash_table_insert (self->table_types,
                           (gpointer) se_record_class_get_table (SE_RECORD_CLASS (klass)),
                           GSIZE_TO_POINTER (types[i]));
    }
}
