/* identity.h - who made a call: choosing the caller of a record (its
 * userIdentity, source IP, user agent, access key) and writing its
 * userIdentity object in the shape AWS writes for each identity type.
 *
 * Callers are stable: a user keeps its access key IDs, a role session
 * keeps its ASIA key and creationDate for the hour, a person works from a
 * few IP addresses with a favourite tool, so "what did this key do"
 * finds a coherent story.
 */
#ifndef TRAILNAV_GEN_IDENTITY_H
#define TRAILNAV_GEN_IDENTITY_H

#include "gen/internal.h"

/* Fills r->actor for r->api in r->account and r->region; `burst`
 * (may be NULL) forces the role of an Insights burst. */
void actor_choose(struct rec *r, const struct burst *burst);

/* Appends "userIdentity":{...}, (with the comma). */
void actor_write(struct rec *r, struct buf *out);

#endif
