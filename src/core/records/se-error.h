/* se-error.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SE_STORE_ERROR (se_store_error_quark ())
#define SE_VALIDATION_ERROR (se_validation_error_quark ())

/**
 * SeStoreError:
 *
 * What went wrong with the database file itself.
 */
typedef enum
{
  SE_STORE_ERROR_FAILED,
  SE_STORE_ERROR_CANNOT_OPEN,
  SE_STORE_ERROR_NOT_A_DATABASE,
  SE_STORE_ERROR_CORRUPT,
  SE_STORE_ERROR_FOREIGN_FILE,
  SE_STORE_ERROR_TOO_NEW,
  SE_STORE_ERROR_READ_ONLY,
  SE_STORE_ERROR_DISK_FULL,
  SE_STORE_ERROR_IO,
  SE_STORE_ERROR_BUSY,
  SE_STORE_ERROR_IN_USE,
  SE_STORE_ERROR_NOT_FOUND,
  SE_STORE_ERROR_LOCKED,
  /* another has changed the record since it was read */
  SE_STORE_ERROR_CONFLICT,
  /* the server's roles do not let the signed-in user do it */
  SE_STORE_ERROR_PERMISSION_DENIED,
  /* the server asks for a password that no one gave (se_store_error_get_login ()) */
  SE_STORE_ERROR_NEEDS_PASSWORD,
  /* the server refused the password it was given (se_store_error_get_login ()) */
  SE_STORE_ERROR_PASSWORD_REFUSED,
} SeStoreError;

/**
 * SeValidationError:
 *
 * One code per rule a record must satisfy before it is stored.
 */
typedef enum
{
  SE_VALIDATION_ERROR_REQUIRED,
  SE_VALIDATION_ERROR_INVALID_DATE,
  SE_VALIDATION_ERROR_INVALID_TIME,
  SE_VALIDATION_ERROR_END_BEFORE_START,
  SE_VALIDATION_ERROR_SAME_ORGANISATION,
  SE_VALIDATION_ERROR_INVALID_EMAIL,
  SE_VALIDATION_ERROR_INVALID_COUNTRY,
  SE_VALIDATION_ERROR_INVALID_WEBSITE,
  SE_VALIDATION_ERROR_NEGATIVE_NUMBER,
  SE_VALIDATION_ERROR_INVALID_CHOICE,
  SE_VALIDATION_ERROR_SELF_REFERENCE,
  SE_VALIDATION_ERROR_NAME_OR_PERSON,
  SE_VALIDATION_ERROR_UNKNOWN_REFERENCE,
  SE_VALIDATION_ERROR_DUPLICATE,
  SE_VALIDATION_ERROR_TOO_LONG,
} SeValidationError;

GQuark se_store_error_quark      (void);
GQuark se_validation_error_quark (void);

typedef struct _SeRecord SeRecord;

SeRecord                *se_store_error_get_stored (const GError *error);
const char              *se_store_error_get_actor (const GError *error);
GDateTime               *se_store_error_dup_time (const GError *error);
void                     _se_store_error_set_changed_by (GError     *error,
                                                         SeRecord   *stored,
                                                         const char *actor,
                                                         const char *at);
gboolean                 se_store_error_get_login (const GError *error,
                                                   const char  **host,
                                                   const char  **port,
                                                   const char  **database,
                                                   const char  **user);
void                     _se_store_error_take_login (GError *error,
                                                     char   *host,
                                                     char   *port,
                                                     char   *database,
                                                     char   *user);

G_END_DECLS
