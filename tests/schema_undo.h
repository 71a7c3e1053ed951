/* schema_undo.h - SQL that turns a database made now back into the
 * layouts of older schemas, for tests of reading and upgrading them.
 * Each macro takes back one version's changes and then the ones after
 * it, so that AS_SCHEMA_N leaves schema N's layout (the version number
 * is the test's to set). */
#ifndef TRAILNAV_TEST_SCHEMA_UNDO_H
#define TRAILNAV_TEST_SCHEMA_UNDO_H

/* Turns a database made now back into schema 16's: the ledger's totals
 * kept by a trigger on its inserts too. */
#define AS_SCHEMA_16                                                      \
	"CREATE TRIGGER totals_insert AFTER INSERT ON file BEGIN"            \
	" UPDATE totals SET imported = imported + (NEW.state = 0),"          \
	" digests = digests + (NEW.state = 1),"                              \
	" failed = failed + (NEW.state = 2),"                                \
	" events = events + NEW.events,"                                     \
	" duplicates = duplicates + NEW.duplicates,"                         \
	" stored_bytes = stored_bytes + NEW.stored_bytes; END;"

/* Schema 15's layout: all of an event's resources in event_resource,
 * its shared ID in its row. */
#define AS_SCHEMA_15                                                      \
	AS_SCHEMA_16                                                         \
	"INSERT INTO event_resource(event, resource)"                        \
	" SELECT id, resource FROM event WHERE resource IS NOT NULL;"        \
	"DROP INDEX IF EXISTS event_by_resource;"                            \
	"DELETE FROM deferred_index WHERE name = 'event_by_resource';"       \
	"ALTER TABLE event DROP COLUMN resource;"                            \
	"ALTER TABLE event ADD COLUMN shared_id TEXT;"                       \
	"UPDATE event SET shared_id = (SELECT x.shared_id FROM event_shared" \
	" x WHERE x.event = event.id);"                                      \
	"DROP TABLE event_shared;"

/* Schema 13's: the time index and the lookup indexes by milliseconds. */
#define MS_INDEX(name, column, where)                                       \
	"DROP INDEX IF EXISTS " name ";"                                    \
	"CREATE INDEX " name " ON event(" column "time_ms)" where ";"
#define AS_SCHEMA_13                                                      \
	AS_SCHEMA_15                                                         \
	MS_INDEX("event_by_time", "", "")                                   \
	MS_INDEX("event_by_name", "name, ", "")                             \
	MS_INDEX("event_by_principal", "principal, ", "")                   \
	MS_INDEX("event_by_service", "service, ", "")                       \
	MS_INDEX("event_by_ip", "ip, ", "")                                 \
	MS_INDEX("event_by_key", "access_key, ",                            \
	         " WHERE access_key IS NOT NULL")                           \
	MS_INDEX("event_by_error", "error, ", " WHERE error IS NOT NULL")   \
	MS_INDEX("event_by_rare_category", "category, ",                    \
	         " WHERE category >= 2")

/* Schema 12's: principals and access keys UNIQUE. */
#define AS_SCHEMA_12                                                      \
	AS_SCHEMA_13                                                         \
	"CREATE TABLE p12(id INTEGER PRIMARY KEY, type TEXT NOT NULL,"       \
	" arn TEXT NOT NULL, name TEXT NOT NULL, pid TEXT NOT NULL,"         \
	" account TEXT NOT NULL, role TEXT NOT NULL, session TEXT NOT NULL," \
	" UNIQUE(type, arn, name, pid, account));"                           \
	"INSERT INTO p12 SELECT id, type, arn, name, pid, account, role,"    \
	" session FROM principal;"                                           \
	"DROP TABLE principal; ALTER TABLE p12 RENAME TO principal;"         \
	"CREATE TABLE k12(id INTEGER PRIMARY KEY, s TEXT NOT NULL UNIQUE);"  \
	"INSERT INTO k12 SELECT id, s FROM access_key;"                      \
	"DROP TABLE access_key; ALTER TABLE k12 RENAME TO access_key;"       \
	"CREATE INDEX access_key_by_s_nocase ON access_key(s COLLATE NOCASE);"

/* Turns a database made now back into schema 11's layout: each ledger
 * row's path whole. */
#define AS_SCHEMA_11                                                      \
	AS_SCHEMA_12                                                         \
	"UPDATE file SET name = coalesce((SELECT s FROM file_dir"             \
	" WHERE id = dir), '') || name;"                                     \
	"ALTER TABLE file RENAME COLUMN name TO path;"                       \
	"ALTER TABLE file DROP COLUMN dir; DROP TABLE file_dir;"

/* Turns a database made now back into schema 10's layout: each
 * resource's ARN whole, its type as text, both ARN and name indexed. */
#define AS_SCHEMA_10                                                      \
	AS_SCHEMA_11                                                         \
	"CREATE TABLE r10(id INTEGER PRIMARY KEY, arn TEXT NOT NULL,"       \
	" name TEXT NOT NULL, type TEXT);"                                   \
	"INSERT INTO r10 SELECT r.id, coalesce((SELECT s FROM arn_prefix"    \
	" WHERE id = r.prefix), '') || r.name, r.name, (SELECT s FROM"       \
	" resource_type WHERE id = r.type) FROM resource r;"                 \
	"DROP TABLE resource; ALTER TABLE r10 RENAME TO resource;"           \
	"DROP TABLE arn_prefix; DROP TABLE resource_type;"                   \
	"CREATE INDEX resource_by_arn ON resource(arn COLLATE NOCASE);"      \
	"CREATE INDEX resource_by_name ON resource(name COLLATE NOCASE);"

/* Turns a database made now back into schema 7's layout, before chunks
 * (content.c), each file's bytes from the chunks they span in a blob of
 * its own again, before the ledger's index of path ends (version 9) and
 * before the index of event IDs' ends (version 10), resources as schema
 * 10 kept them. */
#define AS_SCHEMA_7                                                       \
	AS_SCHEMA_10                                                         \
	"UPDATE file_content SET bytes = substr(CAST((SELECT"                \
	" group_concat(bytes, '') FROM (SELECT bytes FROM content_chunk c"   \
	" WHERE c.id BETWEEN file_content.chunk AND file_content.chunk +"    \
	" (file_content.chunk_offset + file_content.length) / (SELECT"       \
	" max(length(bytes)) FROM content_chunk) ORDER BY c.id)) AS BLOB),"  \
	" file_content.chunk_offset + 1, file_content.length)"               \
	" WHERE chunk IS NOT NULL;"                                          \
	"ALTER TABLE file_content DROP COLUMN chunk;"                        \
	"ALTER TABLE file_content DROP COLUMN chunk_offset;"                 \
	"ALTER TABLE file_content DROP COLUMN length;"                       \
	"DROP TABLE content_chunk;"                                          \
	"DROP INDEX file_by_path_end;"                                       \
	"CREATE INDEX file_by_path ON file(path);"                           \
	"DROP INDEX event_by_id_end;"                                        \
	"CREATE UNIQUE INDEX event_by_event_id ON event(event_id);"

#endif
