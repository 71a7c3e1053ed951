/* expand.h - filling the catalogue's templates.
 *
 * A template is JSON text with placeholders: `$name` (the name runs while
 * letters, digits or '_' follow) or `${name}`; `$$` is a literal '$'.
 * Placeholders that name a resource ($bucket, $instance, $kms, ...) keep
 * their value for the whole record.  Values are written raw when they
 * cannot hold JSON specials and escaped when they can ($policydoc).
 *
 * Placeholders:
 *   record     $account $region $org $mgmt $other $time $date $awsdate
 *              $expires $ms $event $action $caller $reqid $uuid $UUID
 *              $host $n $count $port $cidr
 *   S3         $bucket $key $key2 $keyprefix $size $etag $amzid $upload
 *   EC2        $instance $ami $sg $vpc $subnet $volume $snapshot $eni $az
 *              $itype $privip $encoded
 *   identity   $role $session $user $person $userid $akid $akia $token
 *              $idp $oidc $k8s $aroa $aida $anpa (IAM unique IDs)
 *   others     $kms $policy $policydoc $function $table $ddbkey $topic
 *              $queue $secret $param $db $repo $loggroup $logstream
 *              $dist $zone $change $trail $digest
 *   sign-in    $loginresult $loginextra
 * An unknown name is a bug in the catalogue; it is written as "$?name"
 * so a test that looks for "$?" finds it.
 */
#ifndef TRAILNAV_GEN_EXPAND_H
#define TRAILNAV_GEN_EXPAND_H

#include <stddef.h>
#include <stdint.h>

#include "gen/internal.h"

/* Appends `tmpl` with its placeholders filled in for record r. */
void expand(struct rec *r, struct buf *out, const char *tmpl);

/* Appends s[0..n) as the inside of a JSON string. */
void json_escape(struct buf *out, const char *s, size_t n);

/* Appends a version-4 UUID drawn from rng, lowercase or uppercase. */
void put_uuid(struct buf *out, struct rng *rng, int upper);
/* Writes one (36 characters and a NUL) into out. */
void fmt_uuid(char out[37], uint64_t hi, uint64_t lo, int upper);

/* Appends v in decimal. */
void put_u64(struct buf *out, uint64_t v);

/* The name of person i of cat_people ("alice.nguyen"). */
const char *person_name(uint64_t v);

/* Fills out with a principal ID or key ID of an account: prefix ("AIDA",
 * "AROA", "AKIA", "ASIA"), the account's tag, then characters derived
 * from v, `len` characters in all, and a NUL. */
void fmt_aws_id(char *out, size_t len, const char *prefix,
                const struct account *a, uint64_t v);

/* IAM's unique ID ("AIDA", "AROA", "ANPA" and 17 characters) of the
 * user, role or policy numbered `index` in an account: stable, so every
 * record naming that principal shows the same ID. */
void fmt_iam_id(char out[24], const char *prefix, const struct account *a,
                uint64_t index);

/* The instance ID of value v in an account and region ("i-0" and 16
 * hex digits), as $instance writes it. */
void fmt_instance(char out[24], int account, int region, uint64_t v);

#endif
