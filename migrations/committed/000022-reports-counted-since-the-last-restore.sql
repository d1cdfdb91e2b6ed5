--! Previous: sha1:13f20c27af9dd5097d676cd76083968a01e1b718
--! Hash: sha1:bbb98a9e336d59a483239b53727d16514e995a9d
--! Message: reports counted since the last restore

--------------------------------------------------------------------------------
-- After staff restore a demonetized post, ten new reporters are needed to
-- demonetize it again (as 000013 intends): reports upheld before the restore
-- no longer count, or the very next report demonetized it again.
--------------------------------------------------------------------------------
create index if not exists moderation_actions_post_idx on app_public.moderation_actions (post_id, action, created_at desc)
  where post_id is not null;

create or replace function app_private.post_report_count(post_id uuid) returns integer
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select count(distinct r.reporter_id)::integer from app_public.post_reports r
   where r.post_id = post_report_count.post_id and r.status <> 'dismissed'
     and r.created_at > coalesce((select max(a.created_at) from app_public.moderation_actions a
                                   where a.post_id = post_report_count.post_id and a.action = 'restore_post'), '-infinity')
$$;
comment on function app_private.post_report_count(uuid) is
  'Distinct reporters of the post whose report was not dismissed, since staff last restored it.';
