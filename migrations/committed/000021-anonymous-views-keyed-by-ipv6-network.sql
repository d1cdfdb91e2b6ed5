--! Previous: sha1:2623bd493e911e41eb60f72a4290a4ab925c0e57
--! Hash: sha1:13f20c27af9dd5097d676cd76083968a01e1b718
--! Message: anonymous views keyed by ipv6 network

--------------------------------------------------------------------------------
-- Anonymous views are keyed by network for IPv6: one client holds a whole /64
-- and could count a new view from each of its addresses. IPv4 stays per
-- address. (The rule itself is 000012's count_post_views; only the key changes.)
--------------------------------------------------------------------------------
create or replace function app_private.anonymous_viewer_key(ip inet) returns text
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$ select 'ip:' || case when family(ip) = 6 then host(network(set_masklen(ip, 64))) || '/64' else host(ip) end $$;
comment on function app_private.anonymous_viewer_key(inet) is 'Who an anonymous viewer is, for counting views: the IPv4 address, or the IPv6 /64.';

create or replace function app_private.view_events(events jsonb)
  returns table (post_id uuid, viewer_id uuid, ip inet, at timestamptz, viewer_key text, nth bigint)
  language sql immutable rows 1000
  set search_path = pg_catalog, pg_temp
as $$
  select x.post_id, x.viewer_id, x.ip, x.at, coalesce(x.viewer_id::text, app_private.anonymous_viewer_key(x.ip)),
         row_number() over (partition by x.post_id, coalesce(x.viewer_id::text, app_private.anonymous_viewer_key(x.ip)) order by x.at)
    from jsonb_to_recordset(events) as x(post_id uuid, viewer_id uuid, ip inet, at timestamptz)
   where x.post_id is not null and x.at is not null and (x.viewer_id is not null or x.ip is not null)
$$;
