/* se-store-roles.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "se-error.h"
#include "se-person.h"
#include "se-store-private.h"

/* Who may do what in a database on a server, as the server enforces it.
 *
 * Three group roles per database, named after it (for the database
 * "austausch": austausch_reader, austausch_clerk, austausch_admin):
 *
 * - a reader browses, searches, prints and exports: SELECT;
 * - a clerk creates, edits and deletes records (a clerk is a reader too):
 *   INSERT, UPDATE and DELETE, but not on people, whose deletion is
 *   erasing personal data, and only INSERT into the audit log;
 * - an administrator (a clerk too) may also erase people, rewrite the
 *   audit log and the schema table.
 *
 * The grants are the first fence. Row-level security is the second, and
 * FORCE ROW LEVEL SECURITY makes it hold for the tables' owner as well,
 * whom the grants do not bind: each command has a policy for the roles
 * that may run it. A superuser passes both, as a superuser does anywhere.
 *
 * A database whose roles were never set up (no <db>_reader role) is
 * as before: whoever may connect may do what the server lets them. The
 * first `staff-exchange --grant` sets them up, and makes the one who runs
 * it and the tables' owner administrators, so that nobody is locked out
 * of their own database. */

/* The set-up, idempotent: run by --grant and after each schema upgrade
 * (new tables get their grants and policies). Needs a user who may create
 * roles the first time. */
static const char setup_sql[] =
  "DO $se$\n"
  "DECLARE\n"
  "  r text := current_database () || '_reader';\n"
  "  c text := current_database () || '_clerk';\n"
  "  a text := current_database () || '_admin';\n"
  "  g text;\n"
  "  t text;\n"
  "  owner text;\n"
  "BEGIN\n"
  "  FOREACH g IN ARRAY ARRAY[r, c, a] LOOP\n"
  "    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g) THEN\n"
  "      EXECUTE format ('CREATE ROLE %I NOLOGIN', g);\n"
  "    END IF;\n"
  "  END LOOP;\n"
  "  IF NOT pg_has_role (c, r, 'MEMBER') THEN EXECUTE format ('GRANT %I TO %I', r, c); END IF;\n"
  "  IF NOT pg_has_role (a, c, 'MEMBER') THEN EXECUTE format ('GRANT %I TO %I', c, a); END IF;\n"
  "  EXECUTE format ('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC');\n"
  "  EXECUTE format ('GRANT USAGE ON SCHEMA public TO %I', r);\n"
  "  EXECUTE format ('GRANT SELECT ON ALL TABLES IN SCHEMA public TO %I', r);\n"
  "  EXECUTE format ('GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', c);\n"
  "  EXECUTE format ('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %I', c);\n"
  "  EXECUTE format ('REVOKE DELETE ON person FROM %I', c);\n"
  "  EXECUTE format ('REVOKE UPDATE, DELETE ON audit_log FROM %I', c);\n"
  "  EXECUTE format ('REVOKE INSERT, UPDATE, DELETE ON staff_exchange_schema FROM %I', c);\n"
  "  EXECUTE format ('GRANT DELETE ON person TO %I', a);\n"
  "  EXECUTE format ('GRANT UPDATE, DELETE ON audit_log TO %I', a);\n"
  "  EXECUTE format ('GRANT INSERT, UPDATE, DELETE ON staff_exchange_schema TO %I', a);\n"
  "  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP\n"
  "    EXECUTE format ('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);\n"
  "    EXECUTE format ('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);\n"
  "    EXECUTE format ('DROP POLICY IF EXISTS se_select ON %I', t);\n"
  "    EXECUTE format ('DROP POLICY IF EXISTS se_insert ON %I', t);\n"
  "    EXECUTE format ('DROP POLICY IF EXISTS se_update ON %I', t);\n"
  "    EXECUTE format ('DROP POLICY IF EXISTS se_delete ON %I', t);\n"
  "    EXECUTE format ('CREATE POLICY se_select ON %I FOR SELECT TO %I USING (true)', t, r);\n"
  "    EXECUTE format ('CREATE POLICY se_insert ON %I FOR INSERT TO %I WITH CHECK (true)', t,\n"
  "                    CASE WHEN t = 'staff_exchange_schema' THEN a ELSE c END);\n"
  "    EXECUTE format ('CREATE POLICY se_update ON %I FOR UPDATE TO %I USING (true)"
  " WITH CHECK (true)', t,\n"
  "                    CASE WHEN t IN ('audit_log', 'staff_exchange_schema') THEN a ELSE c END);\n"
  "    EXECUTE format ('CREATE POLICY se_delete ON %I FOR DELETE TO %I USING (true)', t,\n"
  "                    CASE WHEN t IN ('person', 'audit_log', 'staff_exchange_schema') THEN a"
  " ELSE c END);\n"
  "  END LOOP;\n"
  "  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)\n"
  "     AND NOT pg_has_role (current_user, a, 'MEMBER') THEN\n"
  "    EXECUTE format ('GRANT %I TO %I', a, current_user);\n"
  "  END IF;\n"
  "  SELECT tableowner INTO owner FROM pg_tables"
  "   WHERE schemaname = 'public' AND tablename = 'staff_exchange_schema';\n"
  "  IF owner IS NOT NULL AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = owner)\n"
  "     AND NOT pg_has_role (owner, a, 'MEMBER') THEN\n"
  "    EXECUTE format ('GRANT %I TO %I', a, owner);\n"
  "  END IF;\n"
  "END\n"
  "$se$";

/* The role of the connection's user: 0 no roles set up, -1 none of them */
static const char role_sql[] =
  "SELECT CASE"
  " WHEN NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_database () || '_reader')"
  "  THEN 0"
  " WHEN (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN 3"
  " WHEN coalesce (pg_has_role (current_user, (SELECT oid FROM pg_roles"
  "   WHERE rolname = current_database () || '_admin'), 'MEMBER'), false) THEN 3"
  " WHEN coalesce (pg_has_role (current_user, (SELECT oid FROM pg_roles"
  "   WHERE rolname = current_database () || '_clerk'), 'MEMBER'), false) THEN 2"
  " WHEN coalesce (pg_has_role (current_user, (SELECT oid FROM pg_roles"
  "   WHERE rolname = current_database () || '_reader'), 'MEMBER'), false) THEN 1"
  " ELSE -1 END";

static const char *const role_names[] = {
  [SE_STORE_ROLE_UNMANAGED] = NULL,
  [SE_STORE_ROLE_READER] = "reader",
  [SE_STORE_ROLE_CLERK] = "clerk",
  [SE_STORE_ROLE_ADMINISTRATOR] = "administrator",
};

/**
 * se_store_role_get_name:
 *
 * Returns: (nullable): the role's name on the command line ("reader",
 *   "clerk", "administrator"), not translated; %NULL for
 *   %SE_STORE_ROLE_UNMANAGED
 */
const char *
se_store_role_get_name (SeStoreRole role)
{
  g_return_val_if_fail (role <= SE_STORE_ROLE_ADMINISTRATOR, NULL);

  return role_names[role];
}

/**
 * se_store_role_from_name:
 * @name: "reader", "clerk" or "administrator"
 * @role: (out): the role
 *
 * Returns: whether @name is one of the roles
 */
gboolean
se_store_role_from_name (const char  *name,
                         SeStoreRole *role)
{
  for (guint i = SE_STORE_ROLE_READER; i <= SE_STORE_ROLE_ADMINISTRATOR; i++)
    if (g_strcmp0 (name, role_names[i]) == 0)
      {
        *role = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * se_store_role_get_label:
 *
 * Returns: the role's name in the user's language
 */
const char *
se_store_role_get_label (SeStoreRole role)
{
  switch (role)
    {
    case SE_STORE_ROLE_READER:
      return C_("role", "Reader");
    case SE_STORE_ROLE_CLERK:
      return C_("role", "Clerk");
    case SE_STORE_ROLE_ADMINISTRATOR:
      return C_("role", "Administrator");
    case SE_STORE_ROLE_UNMANAGED:
    default:
      return C_("role", "Everything");
    }
}

/* At opening: the user's role, and what follows from it for the store.
 * A user with none of the database's roles gets an error that says who
 * can give them one. */
gboolean
_se_store_read_role (SeStore    *self,
                     const char *where,
                     GError    **error)
{
  gint64 role = 0;

  if (!_se_store_query_int (self->db, role_sql, &role, error))
    return FALSE;
  if (role < 0)
    {
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_PERMISSION_DENIED,
                   /* Translators: %s names a database on a server */
                   _("The server user you signed in as has no role in the database “%s”. Ask "
                     "its administrator to give you one (staff-exchange --grant)."),
                      where);
      return FALSE;
    }
  self->role = role;

  if (self->role == SE_STORE_ROLE_READER && self->read_only_reason == NULL)
    self->read_only_reason = g_strdup (_("Your role in this database is reader: you may browse, "
                                         "search, print and export, not change anything. Its "
                                         "administrator can make you a clerk."));
  self->read_only = self->read_only_reason != NULL;
  return TRUE;
}

/**
 * se_store_get_role:
 *
 * Returns: what the server lets the signed-in user do in the database:
 *   %SE_STORE_ROLE_UNMANAGED on a file, and on a server whose roles were
 *   never set up (se_store_grant_role ())
 */
SeStoreRole
se_store_get_role (SeStore *self)
{
  g_return_val_if_fail (SE_IS_STORE (self), SE_STORE_ROLE_UNMANAGED);

  return self->role;
}

/**
 * se_store_may_manage_privacy:
 *
 * Whether the privacy actions (anonymising and erasing people, the
 * retention review) are the signed-in user's to take: on a file, and on a
 * server for an administrator, or where no roles were set up.
 */
gboolean
se_store_may_manage_privacy (SeStore *self)
{
  g_return_val_if_fail (SE_IS_STORE (self), FALSE);

  return !self->read_only
         && (self->role == SE_STORE_ROLE_UNMANAGED || self->role == SE_STORE_ROLE_ADMINISTRATOR);
}

/**
 * se_store_may_delete:
 * @record_type: a kind of record
 *
 * Whether the signed-in user may delete records of @record_type: not on
 * a read-only store, and people only where the privacy actions are the
 * user's (deleting a person is erasing personal data).
 */
gboolean
se_store_may_delete (SeStore *self,
                     GType    record_type)
{
  g_return_val_if_fail (SE_IS_STORE (self), FALSE);

  if (self->read_only)
    return FALSE;
  if (g_type_is_a (record_type, SE_TYPE_PERSON))
    return se_store_may_manage_privacy (self);
  return TRUE;
}

/* After a schema upgrade: the new tables get the grants and policies,
 * where the roles are set up */
gboolean
_se_store_refresh_roles (SeStore *self,
                         GError **error)
{
  if (self->role == SE_STORE_ROLE_UNMANAGED)
    return TRUE;
  return _se_store_exec (self, setup_sql, error);
}

/**
 * se_store_grant_role:
 * @self: a store on a server
 * @role: the role to give
 * @user: a user (login role) on the server
 * @error: %SE_STORE_ERROR_PERMISSION_DENIED when the signed-in user may
 *   not do this, %SE_STORE_ERROR_NOT_FOUND when there is no such user
 *
 * Gives @user @role in the database (and takes the other two away), first
 * setting up the roles, their grants and row-level security where that
 * was never done.
 */
gboolean
se_store_grant_role (SeStore    *self,
                     SeStoreRole role,
                     const char *user,
                     GError    **error)
{
  g_autoptr(GError) local = NULL;
  gint64           exists = 0;
  g_autofree char *sql = NULL;
  g_autofree char *literal = NULL;

  g_return_val_if_fail (SE_IS_STORE (self), FALSE);
  g_return_val_if_fail (role >= SE_STORE_ROLE_READER && role <= SE_STORE_ROLE_ADMINISTRATOR, FALSE);
  g_return_val_if_fail (user != NULL, FALSE);

  if (!self->server)
    {
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_CANNOT_OPEN,
                           _("Roles are for a database on a server; a file is its owner’s."));
      return FALSE;
    }
  if (self->role != SE_STORE_ROLE_UNMANAGED && self->role != SE_STORE_ROLE_ADMINISTRATOR)
    {
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_PERMISSION_DENIED,
                   /* Translators: %s is a role, e.g. "Clerk" */
                   _("Your role in this database is %s: only an administrator gives roles."),
                      se_store_role_get_label (self->role));
      return FALSE;
    }

  /* the user's name as an SQL string literal: doubled quotes */
  {
    g_auto(GStrv) parts = g_strsplit (user, "'", -1);
    g_autofree char *joined = g_strjoinv ("''", parts);
    literal = g_strdup_printf ("'%s'", joined);
  }
  {
    SeDbStmt  *stmt = _se_store_prepare_cached (self, "SELECT count (*) FROM pg_roles"
                                                       " WHERE rolname = ?1",
                                                error);
    SeDbResult rc;

    if (stmt == NULL)
      return FALSE;
    se_db_bind_text (stmt, 1, user);
    rc = se_db_step (stmt);
    if (rc == SE_DB_ROW)
      exists = se_db_column_int64 (stmt, 0);
    se_db_reset (stmt);
    if (!_se_store_check (self, rc == SE_DB_ROW ? SE_DB_OK : se_db_get_result (self->db), error))
      return FALSE;
  }
  if (exists == 0)
    {
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is a user name on a database server */
                   _("There is no user “%s” on the server. Create it first, with createuser "
                     "--pwprompt, then give it a role."),
                      user);
      return FALSE;
    }

  /* the user's one role: the others are taken away */
  sql = g_strdup_printf ("DO $se$ DECLARE g text; BEGIN"
                         " FOREACH g IN ARRAY ARRAY['_reader', '_clerk', '_admin'] LOOP"
                         "  IF EXISTS (SELECT 1 FROM pg_auth_members m"
                         "   JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member"
                         "   WHERE r.rolname = current_database () || g AND u.rolname = %s) THEN"
                         "   EXECUTE format ('REVOKE %%I FROM %%I', current_database () || g, %s);"
                         "  END IF;"
                         " END LOOP;"
                         " EXECUTE format ('GRANT %%I TO %%I', current_database () || %s, %s);"
                         " END $se$",
                         literal, literal,
                         role == SE_STORE_ROLE_READER  ? "'_reader'"
                         : role == SE_STORE_ROLE_CLERK ? "'_clerk'"
                                                       : "'_admin'",
                         literal);

  if (!se_store_begin (self, error))
    return FALSE;
  if ((self->role == SE_STORE_ROLE_UNMANAGED && !_se_store_exec (self, setup_sql, &local))
      || !_se_store_exec (self, sql, &local))
    {
      se_store_rollback (self);
      if (g_error_matches (local, SE_STORE_ERROR, SE_STORE_ERROR_PERMISSION_DENIED))
        {
          g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_PERMISSION_DENIED,
                               _("The server refused to set up the roles. Run this as the "
                                 "database’s owner with the right to create roles (CREATEROLE), "
                                 "or as the server’s administrator."));
          return FALSE;
        }
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (!se_store_commit (self, error))
    return FALSE;
  if (self->role == SE_STORE_ROLE_UNMANAGED)
    self->role = SE_STORE_ROLE_ADMINISTRATOR;
  return TRUE;
}
