/* file_paths.c - the ledger's paths, kept as a directory and a name.
 *
 * Since schema 12 a ledger row holds its path's directory as an id into
 * the dictionary file_dir (0: none, a path without '/') and the name
 * after the last '/'.  A trail's files share a few hundred directories
 * (one a day per account and region), and the whole path was 178 bytes
 * of a ledger row of 265 on the 1M bench trail.  The split is by bytes:
 * a path is whatever the file system gave, UTF-8 or not.
 */
#include <config.h>

#include <string.h>

#include "store/internal.h"
#include "util/i18n.h"

void store_bind_path(sqlite3_stmt *st, const char *path)
{
	const char *name = store_path_name(path);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, path, (int)(name - path), SQLITE_STATIC);
}

const char *store_file_path_sql(struct store *s)
{
	return store_has_schema(s, STORE_SCHEMA_FILE_DIRS)
	               ? "(coalesce((SELECT s FROM file_dir WHERE id = f.dir),"
	                 " '') || f.name)"
	               : "f.path";
}

/* tn_path_dir(path) and tn_path_name(path): the two parts, for the
 * upgrade to schema 12. */
static void path_part(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	(void)argc;
	const char *path = (const char *)sqlite3_value_text(v[0]);
	if (!path) {
		sqlite3_result_null(ctx);
		return;
	}
	const char *name = store_path_name(path);
	if (sqlite3_user_data(ctx))
		sqlite3_result_text(ctx, name, -1, SQLITE_TRANSIENT);
	else
		sqlite3_result_text(ctx, path, (int)(name - path),
		                    SQLITE_TRANSIENT);
}

int store_register_path_functions(struct store *s)
{
	static int name_part = 1;
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	if (sqlite3_create_function(s->db, "tn_path_dir", 1, flags, NULL,
	                            path_part, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(s->db, "tn_path_name", 1, flags, &name_part,
	                            path_part, NULL, NULL) != SQLITE_OK)
		return store_fail_sql(s, _("database"));
	return 0;
}
