/* expand_values.h - the value of each template placeholder (see
 * expand.h for what each one writes).  Only expand.c calls these. */
#ifndef TRAILNAV_GEN_EXPAND_VALUES_H
#define TRAILNAV_GEN_EXPAND_VALUES_H

#include "gen/internal.h"

void ph_UUID(struct rec *r, struct buf *out);
void ph_account(struct rec *r, struct buf *out);
void ph_action(struct rec *r, struct buf *out);
void ph_aida(struct rec *r, struct buf *out);
void ph_akia(struct rec *r, struct buf *out);
void ph_akid(struct rec *r, struct buf *out);
void ph_ami(struct rec *r, struct buf *out);
void ph_amzid(struct rec *r, struct buf *out);
void ph_anpa(struct rec *r, struct buf *out);
void ph_aroa(struct rec *r, struct buf *out);
void ph_awsdate(struct rec *r, struct buf *out);
void ph_az(struct rec *r, struct buf *out);
void ph_bucket(struct rec *r, struct buf *out);
void ph_caller(struct rec *r, struct buf *out);
void ph_change(struct rec *r, struct buf *out);
void ph_cidr(struct rec *r, struct buf *out);
void ph_count(struct rec *r, struct buf *out);
void ph_date(struct rec *r, struct buf *out);
void ph_db(struct rec *r, struct buf *out);
void ph_ddbkey(struct rec *r, struct buf *out);
void ph_digest(struct rec *r, struct buf *out);
void ph_dist(struct rec *r, struct buf *out);
void ph_encoded(struct rec *r, struct buf *out);
void ph_eni(struct rec *r, struct buf *out);
void ph_etag(struct rec *r, struct buf *out);
void ph_event(struct rec *r, struct buf *out);
void ph_expires(struct rec *r, struct buf *out);
void ph_function(struct rec *r, struct buf *out);
void ph_host(struct rec *r, struct buf *out);
void ph_idp(struct rec *r, struct buf *out);
void ph_instance(struct rec *r, struct buf *out);
void ph_itype(struct rec *r, struct buf *out);
void ph_k8s(struct rec *r, struct buf *out);
void ph_key(struct rec *r, struct buf *out);
void ph_key2(struct rec *r, struct buf *out);
void ph_keyprefix(struct rec *r, struct buf *out);
void ph_kms(struct rec *r, struct buf *out);
void ph_loggroup(struct rec *r, struct buf *out);
void ph_loginextra(struct rec *r, struct buf *out);
void ph_loginresult(struct rec *r, struct buf *out);
void ph_logstream(struct rec *r, struct buf *out);
void ph_mgmt(struct rec *r, struct buf *out);
void ph_ms(struct rec *r, struct buf *out);
void ph_n(struct rec *r, struct buf *out);
void ph_oidc(struct rec *r, struct buf *out);
void ph_org(struct rec *r, struct buf *out);
void ph_other(struct rec *r, struct buf *out);
void ph_param(struct rec *r, struct buf *out);
void ph_person(struct rec *r, struct buf *out);
void ph_policy(struct rec *r, struct buf *out);
void ph_policydoc(struct rec *r, struct buf *out);
void ph_port(struct rec *r, struct buf *out);
void ph_privip(struct rec *r, struct buf *out);
void ph_queue(struct rec *r, struct buf *out);
void ph_region(struct rec *r, struct buf *out);
void ph_repo(struct rec *r, struct buf *out);
void ph_reqid(struct rec *r, struct buf *out);
void ph_role(struct rec *r, struct buf *out);
void ph_secret(struct rec *r, struct buf *out);
void ph_session(struct rec *r, struct buf *out);
void ph_sg(struct rec *r, struct buf *out);
void ph_size(struct rec *r, struct buf *out);
void ph_snapshot(struct rec *r, struct buf *out);
void ph_subnet(struct rec *r, struct buf *out);
void ph_table(struct rec *r, struct buf *out);
void ph_time(struct rec *r, struct buf *out);
void ph_token(struct rec *r, struct buf *out);
void ph_topic(struct rec *r, struct buf *out);
void ph_trail(struct rec *r, struct buf *out);
void ph_upload(struct rec *r, struct buf *out);
void ph_user(struct rec *r, struct buf *out);
void ph_userid(struct rec *r, struct buf *out);
void ph_uuid(struct rec *r, struct buf *out);
void ph_volume(struct rec *r, struct buf *out);
void ph_vpc(struct rec *r, struct buf *out);
void ph_zone(struct rec *r, struct buf *out);

#endif
