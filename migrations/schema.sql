--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: app_hidden; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA app_hidden;

--
-- Name: SCHEMA app_hidden; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA app_hidden IS 'Functions the request roles may call but GraphQL does not expose: the rules other rules and policies use.';

--
-- Name: app_private; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA app_private;

--
-- Name: app_public; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA app_public;

--
-- Name: SCHEMA app_public; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA app_public IS 'The public API: tables, views and functions exposed through GraphQL.';

--
-- Name: auth; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA auth;

--
-- Name: citext; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;

--
-- Name: EXTENSION citext; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION citext IS 'data type for case-insensitive character strings';

--
-- Name: pgcrypto; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;

--
-- Name: EXTENSION pgcrypto; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION pgcrypto IS 'cryptographic functions';

--
-- Name: age_band; Type: TYPE; Schema: app_public; Owner: -
--

CREATE TYPE app_public.age_band AS ENUM (
    'age_13_17',
    'age_18_24',
    'age_25_34',
    'age_35_44',
    'age_45_54',
    'age_55_64',
    'age_65_plus'
);

--
-- Name: TYPE age_band; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TYPE app_public.age_band IS 'Age bands campaigns target: 13-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65 and over.';

--
-- Name: audience_setting; Type: TYPE; Schema: app_public; Owner: -
--

CREATE TYPE app_public.audience_setting AS ENUM (
    'everyone',
    'followers',
    'mutuals',
    'nobody'
);

--
-- Name: TYPE audience_setting; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TYPE app_public.audience_setting IS 'Who a setting lets in: everyone, followers, mutual followers, or nobody.';

--
-- Name: creator_balance; Type: TYPE; Schema: app_public; Owner: -
--

CREATE TYPE app_public.creator_balance AS (
	earned numeric,
	pending numeric,
	approved numeric,
	paid numeric,
	available numeric
);

--
-- Name: TYPE creator_balance; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TYPE app_public.creator_balance IS 'A creator''s money: earned = available + pending + approved + paid.';

--
-- Name: COLUMN creator_balance.earned; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.creator_balance.earned IS 'All video revenue.';

--
-- Name: COLUMN creator_balance.pending; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.creator_balance.pending IS 'In withdrawals waiting for review.';

--
-- Name: COLUMN creator_balance.approved; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.creator_balance.approved IS 'In approved withdrawals not yet paid.';

--
-- Name: COLUMN creator_balance.paid; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.creator_balance.paid IS 'Paid out.';

--
-- Name: COLUMN creator_balance.available; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.creator_balance.available IS 'What may be withdrawn now.';

--
-- Name: dashboard_day; Type: TYPE; Schema: app_public; Owner: -
--

CREATE TYPE app_public.dashboard_day AS (
	day date,
	views integer,
	likes integer,
	followers integer,
	estimated_revenue numeric
);

--
-- Name: TYPE dashboard_day; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TYPE app_public.dashboard_day IS 'One day of a creator''s dashboard.';

--
-- Name: COLUMN dashboard_day.day; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.dashboard_day.day IS 'The day (UTC).';

--
-- Name: COLUMN dashboard_day.views; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.dashboard_day.views IS 'Counted views of your posts.';

--
-- Name: COLUMN dashboard_day.likes; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.dashboard_day.likes IS 'Likes of your posts.';

--
-- Name: COLUMN dashboard_day.followers; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.dashboard_day.followers IS 'Followers at the end of the day (null before the first roll-up).';

--
-- Name: COLUMN dashboard_day.estimated_revenue; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.dashboard_day.estimated_revenue IS 'Estimated revenue of the day''s video likes and views.';

--
-- Name: feed_entry; Type: TYPE; Schema: app_public; Owner: -
--

CREATE TYPE app_public.feed_entry AS (
	post_id uuid,
	reposted_by_id uuid,
	feed_at timestamp with time zone,
	cursor text
);

--
-- Name: TYPE feed_entry; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TYPE app_public.feed_entry IS 'An entry of a feed: a post, or a repost of it by `repostedBy`, at `feedAt`.';

--
-- Name: COLUMN feed_entry.post_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.feed_entry.post_id IS 'The post.';

--
-- Name: COLUMN feed_entry.reposted_by_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.feed_entry.reposted_by_id IS 'Who reposted it, for a repost; null for the post itself.';

--
-- Name: COLUMN feed_entry.feed_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.feed_entry.feed_at IS 'When it entered feeds: the post''s or the repost''s time.';

--
-- Name: COLUMN feed_entry.cursor; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.feed_entry.cursor IS 'Pass as `cursor` to get the entries after this one.';

--
-- Name: follow_status; Type: TYPE; Schema: app_public; Owner: -
--

CREATE TYPE app_public.follow_status AS ENUM (
    'pending',
    'approved'
);

--
-- Name: TYPE follow_status; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TYPE app_public.follow_status IS 'A follow of a private account is pending until approved.';

--
-- Name: media_type; Type: TYPE; Schema: app_public; Owner: -
--

CREATE TYPE app_public.media_type AS ENUM (
    'image',
    'video',
    'gif'
);

--
-- Name: TYPE media_type; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TYPE app_public.media_type IS 'Kinds of media attachment.';

--
-- Name: monetization_condition; Type: TYPE; Schema: app_public; Owner: -
--

CREATE TYPE app_public.monetization_condition AS (
	condition text,
	required numeric,
	actual numeric,
	met boolean
);

--
-- Name: TYPE monetization_condition; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TYPE app_public.monetization_condition IS 'One revenue eligibility condition: what is required, where the account stands.';

--
-- Name: COLUMN monetization_condition.condition; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.monetization_condition.condition IS 'account_age_days, profile_likes, post_likes, posts, not_demonetized (1 = not demonetized) or not_flagged (1 = not flagged for cheating).';

--
-- Name: COLUMN monetization_condition.required; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.monetization_condition.required IS 'The minimum.';

--
-- Name: COLUMN monetization_condition.actual; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.monetization_condition.actual IS 'The account''s figure.';

--
-- Name: COLUMN monetization_condition.met; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.monetization_condition.met IS 'actual >= required.';

--
-- Name: check_money(numeric); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.check_money(amount numeric) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if amount is null then
    return true;
  end if;
  -- 'NaN' passes `>= 0` and `<= 0` alike, and infinities are numbers to PostgreSQL.
  if amount = 'NaN' or amount = 'Infinity' or amount = '-Infinity' then
    raise exception 'An amount must be a finite number (got %)', amount using errcode = 'INVAL';
  end if;
  if amount <> round(amount, 4) then
    raise exception 'An amount has at most 4 decimals (got %)', amount using errcode = 'INVAL';
  end if;
  if abs(amount) >= 10000000000 then
    raise exception 'An amount is below 10,000,000,000 (got %)', amount using errcode = 'INVAL';
  end if;
  return true;
end;
$$;

--
-- Name: FUNCTION check_money(amount numeric); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.check_money(amount numeric) IS 'True for a money amount: finite, at most 4 decimals, below 10^10 in absolute value; raises INVAL otherwise.';

--
-- Name: money; Type: DOMAIN; Schema: app_public; Owner: -
--

CREATE DOMAIN app_public.money AS numeric
	CONSTRAINT money_check CHECK (app_private.check_money(VALUE));

--
-- Name: DOMAIN money; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON DOMAIN app_public.money IS 'A money amount (credits, revenue): finite, at most 4 decimals, below 10,000,000,000 in absolute value (app_private.check_money).';

--
-- Name: notification_type; Type: TYPE; Schema: app_public; Owner: -
--

CREATE TYPE app_public.notification_type AS ENUM (
    'follow',
    'follow_request',
    'follow_approved',
    'like',
    'comment',
    'reply',
    'mention',
    'repost',
    'message',
    'money'
);

--
-- Name: TYPE notification_type; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TYPE app_public.notification_type IS 'What a notification is about. Each type can be turned off in `UserSetting.notificationPreferences` ({"like": false}).';

--
-- Name: post_audience; Type: TYPE; Schema: app_public; Owner: -
--

CREATE TYPE app_public.post_audience AS ENUM (
    'public',
    'followers',
    'mutuals',
    'only_me'
);

--
-- Name: TYPE post_audience; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TYPE app_public.post_audience IS 'Who may see a post: everyone, followers, mutual followers, or its author only.';

--
-- Name: report_reason; Type: TYPE; Schema: app_public; Owner: -
--

CREATE TYPE app_public.report_reason AS ENUM (
    'spam',
    'harassment',
    'hate',
    'violence',
    'nudity',
    'misinformation',
    'copyright',
    'other'
);

--
-- Name: TYPE report_reason; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TYPE app_public.report_reason IS 'Why a post is reported.';

--
-- Name: report_status; Type: TYPE; Schema: app_public; Owner: -
--

CREATE TYPE app_public.report_status AS ENUM (
    'open',
    'upheld',
    'dismissed'
);

--
-- Name: TYPE report_status; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TYPE app_public.report_status IS 'open (waiting for staff), upheld, or dismissed (no longer counts toward demonetization).';

--
-- Name: sponsored_entry; Type: TYPE; Schema: app_public; Owner: -
--

CREATE TYPE app_public.sponsored_entry AS (
	sponsored_post_id uuid,
	post_id uuid,
	"position" integer
);

--
-- Name: TYPE sponsored_entry; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TYPE app_public.sponsored_entry IS 'A sponsored post to show in a page, and where.';

--
-- Name: COLUMN sponsored_entry.sponsored_post_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_entry.sponsored_post_id IS 'The campaign: pass it to `recordSponsoredImpression` once shown.';

--
-- Name: COLUMN sponsored_entry.post_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_entry.post_id IS 'The post.';

--
-- Name: COLUMN sponsored_entry."position"; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_entry."position" IS 'Where in the page it goes (1-based): the 10th item, the 20th, …';

--
-- Name: sponsored_interaction_kind; Type: TYPE; Schema: app_public; Owner: -
--

CREATE TYPE app_public.sponsored_interaction_kind AS ENUM (
    'impression',
    'like'
);

--
-- Name: TYPE sponsored_interaction_kind; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TYPE app_public.sponsored_interaction_kind IS 'What was charged: an impression or a like.';

--
-- Name: sponsored_pause_reason; Type: TYPE; Schema: app_public; Owner: -
--

CREATE TYPE app_public.sponsored_pause_reason AS ENUM (
    'sponsor',
    'funds',
    'budget'
);

--
-- Name: TYPE sponsored_pause_reason; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TYPE app_public.sponsored_pause_reason IS 'Why a campaign is paused: by its sponsor; credits could not cover its next charge (resumes when credits are added); its budget is spent.';

--
-- Name: sponsored_placement; Type: TYPE; Schema: app_public; Owner: -
--

CREATE TYPE app_public.sponsored_placement AS ENUM (
    'home',
    'explore'
);

--
-- Name: TYPE sponsored_placement; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TYPE app_public.sponsored_placement IS 'Where sponsored posts are shown: the home feed or explore.';

--
-- Name: sponsored_post_status; Type: TYPE; Schema: app_public; Owner: -
--

CREATE TYPE app_public.sponsored_post_status AS ENUM (
    'active',
    'paused'
);

--
-- Name: TYPE sponsored_post_status; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TYPE app_public.sponsored_post_status IS 'A campaign is served while active.';

--
-- Name: tracked_events; Type: TYPE; Schema: app_public; Owner: -
--

CREATE TYPE app_public.tracked_events AS (
	views_counted integer,
	likes_added integer
);

--
-- Name: TYPE tracked_events; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TYPE app_public.tracked_events IS 'What a batch of events did.';

--
-- Name: COLUMN tracked_events.views_counted; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.tracked_events.views_counted IS 'Views that counted (the others were repeats within the window, own posts, or not visible).';

--
-- Name: COLUMN tracked_events.likes_added; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.tracked_events.likes_added IS 'New likes (liking again changes nothing).';

--
-- Name: trending_hashtag; Type: TYPE; Schema: app_public; Owner: -
--

CREATE TYPE app_public.trending_hashtag AS (
	tag public.citext,
	posts bigint
);

--
-- Name: TYPE trending_hashtag; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TYPE app_public.trending_hashtag IS 'A hashtag and how many public posts used it in the last 24 hours.';

--
-- Name: COLUMN trending_hashtag.tag; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.trending_hashtag.tag IS 'The tag, without #.';

--
-- Name: COLUMN trending_hashtag.posts; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.trending_hashtag.posts IS 'Public posts with it in the last 24 hours.';

--
-- Name: verification_status; Type: TYPE; Schema: app_public; Owner: -
--

CREATE TYPE app_public.verification_status AS ENUM (
    'pending',
    'approved',
    'rejected'
);

--
-- Name: TYPE verification_status; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TYPE app_public.verification_status IS 'Where a verification request stands.';

--
-- Name: withdrawal_status; Type: TYPE; Schema: app_public; Owner: -
--

CREATE TYPE app_public.withdrawal_status AS ENUM (
    'pending',
    'approved',
    'paid',
    'rejected'
);

--
-- Name: TYPE withdrawal_status; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TYPE app_public.withdrawal_status IS 'pending → approved → paid, or rejected (from pending or approved).';

--
-- Name: are_mutual_followers(uuid, uuid); Type: FUNCTION; Schema: app_hidden; Owner: -
--

CREATE FUNCTION app_hidden.are_mutual_followers(a uuid, b uuid) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select app_private.follows(a, b) and app_private.follows(b, a) $$;

--
-- Name: FUNCTION are_mutual_followers(a uuid, b uuid); Type: COMMENT; Schema: app_hidden; Owner: -
--

COMMENT ON FUNCTION app_hidden.are_mutual_followers(a uuid, b uuid) IS 'True when each follows the other (approved). For SQL (rules and jobs); not a GraphQL field.';

--
-- Name: can_message_user(uuid, uuid); Type: FUNCTION; Schema: app_hidden; Owner: -
--

CREATE FUNCTION app_hidden.can_message_user(sender_id uuid, recipient_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select case
    when can_message_user.sender_id is null or can_message_user.recipient_id is null
      or can_message_user.sender_id = can_message_user.recipient_id then false
    when app_private.is_blocked_pair(can_message_user.sender_id, can_message_user.recipient_id) then false
    -- A reply: the recipient has written to the sender before.
    when exists (select 1 from app_public.conversation_participants cp
                  where cp.conversation_id = app_public.generate_conversation_id(can_message_user.sender_id, can_message_user.recipient_id)
                    and cp.user_id = can_message_user.recipient_id and cp.last_sent_at is not null) then true
    else coalesce((
      select case s.message_permission
        when 'everyone' then true
        when 'followers' then app_private.follows(can_message_user.sender_id, can_message_user.recipient_id)
        when 'mutuals' then app_private.follows(can_message_user.sender_id, can_message_user.recipient_id)
                        and app_private.follows(can_message_user.recipient_id, can_message_user.sender_id)
        else false
      end
      from app_public.user_settings s where s.user_id = can_message_user.recipient_id), false)
  end
$$;

--
-- Name: FUNCTION can_message_user(sender_id uuid, recipient_id uuid); Type: COMMENT; Schema: app_hidden; Owner: -
--

COMMENT ON FUNCTION app_hidden.can_message_user(sender_id uuid, recipient_id uuid) IS 'Whether the sender may message the recipient: by the recipient''s `messagePermission` (everyone, followers, mutuals, nobody), or as a reply to someone who wrote to the sender; never across a block. For SQL; clients use `Profile.viewerCanMessage`.';

--
-- Name: can_see_post(uuid, uuid); Type: FUNCTION; Schema: app_hidden; Owner: -
--

CREATE FUNCTION app_hidden.can_see_post(viewer_id uuid, post_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select coalesce((
    select app_private.is_staff(viewer_id)
        or (p.deleted_at is null
            and app_private.post_visible(
                  viewer_id, p.author_id, p.audience, a.is_private, p.is_paid,
                  case when app_private.follows(viewer_id, p.author_id)
                       then case when app_private.follows(p.author_id, viewer_id) then 2 else 1 end
                       else 0 end,
                  app_private.is_blocked_pair(viewer_id, p.author_id)))
      from app_public.posts p join app_public.profiles a on a.id = p.author_id
     where p.id = post_id
  ), false)
$$;

--
-- Name: FUNCTION can_see_post(viewer_id uuid, post_id uuid); Type: COMMENT; Schema: app_hidden; Owner: -
--

COMMENT ON FUNCTION app_hidden.can_see_post(viewer_id uuid, post_id uuid) IS 'Whether the viewer (null: anonymous) may see the post. The one visibility rule; every read path applies it (directly or through the posts RLS policy). For SQL; not a GraphQL field.';

--
-- Name: can_view_active_status(uuid, uuid); Type: FUNCTION; Schema: app_hidden; Owner: -
--

CREATE FUNCTION app_hidden.can_view_active_status(viewer_id uuid, target_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select case
    when viewer_id = target_id then true
    when viewer_id is null or app_private.is_blocked_pair(viewer_id, target_id) then false
    else (
      select case s.active_status_visibility
        when 'everyone' then true
        when 'followers' then app_private.follows(viewer_id, target_id)
        when 'mutuals' then app_private.follows(viewer_id, target_id) and app_private.follows(target_id, viewer_id)
        else false
      end
      from app_public.user_settings s where s.user_id = target_id
    )
  end
$$;

--
-- Name: FUNCTION can_view_active_status(viewer_id uuid, target_id uuid); Type: COMMENT; Schema: app_hidden; Owner: -
--

COMMENT ON FUNCTION app_hidden.can_view_active_status(viewer_id uuid, target_id uuid) IS 'Whether the viewer may see when the target was last active, by the target''s active-status setting (everyone, followers, mutuals, nobody). For SQL; not a GraphQL field.';

--
-- Name: can_view_profile(uuid, uuid); Type: FUNCTION; Schema: app_hidden; Owner: -
--

CREATE FUNCTION app_hidden.can_view_profile(viewer_id uuid, target_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select case
    when viewer_id = target_id then true
    when app_private.is_blocked_pair(viewer_id, target_id) then false
    when not (select p.is_private from app_public.profiles p where p.id = target_id) then true
    else app_private.follows(viewer_id, target_id)
  end
$$;

--
-- Name: FUNCTION can_view_profile(viewer_id uuid, target_id uuid); Type: COMMENT; Schema: app_hidden; Owner: -
--

COMMENT ON FUNCTION app_hidden.can_view_profile(viewer_id uuid, target_id uuid) IS 'Whether the viewer (null: anonymous) sees the target''s full profile: private accounts only to approved followers; never across a block. For SQL; not a GraphQL field.';

--
-- Name: check_mutual_likes(uuid, uuid); Type: FUNCTION; Schema: app_hidden; Owner: -
--

CREATE FUNCTION app_hidden.check_mutual_likes(a uuid, b uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select exists (select 1 from app_public.likes l join app_public.posts p on p.id = l.post_id where l.user_id = a and p.author_id = b)
     and exists (select 1 from app_public.likes l join app_public.posts p on p.id = l.post_id where l.user_id = b and p.author_id = a)
$$;

--
-- Name: FUNCTION check_mutual_likes(a uuid, b uuid); Type: COMMENT; Schema: app_hidden; Owner: -
--

COMMENT ON FUNCTION app_hidden.check_mutual_likes(a uuid, b uuid) IS 'True when each of the two users has liked a post of the other (an input to fraud detection).';

--
-- Name: check_length(text, integer, text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.check_length(value text, max_length integer, what text) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if value is not null and char_length(value) > max_length then
    raise exception '% can be at most % characters (this one has %)', what, max_length, char_length(value) using errcode = 'INVAL';
  end if;
  return true;
end;
$$;

--
-- Name: FUNCTION check_length(value text, max_length integer, what text); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.check_length(value text, max_length integer, what text) IS 'True when `value` has at most `max_length` characters; raises INVAL naming `what` otherwise.';

--
-- Name: uid(); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.uid() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

--
-- Name: FUNCTION uid(); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.uid() IS 'The current user''s id (the JWT `sub`), or null. Use as `(select auth.uid())` in policies.';

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: posts; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.posts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    author_id uuid DEFAULT auth.uid() NOT NULL,
    body text DEFAULT ''::text NOT NULL,
    audience app_public.post_audience DEFAULT 'public'::app_public.post_audience NOT NULL,
    is_paid boolean DEFAULT false NOT NULL,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
    likes_count integer DEFAULT 0 NOT NULL,
    comments_count integer DEFAULT 0 NOT NULL,
    reposts_count integer DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    edited_at timestamp with time zone,
    deleted_at timestamp with time zone,
    is_demonetized boolean DEFAULT false NOT NULL,
    demonetized_at timestamp with time zone,
    CONSTRAINT _metadata_length CHECK (app_private.check_length((metadata)::text, 2000, 'Post metadata'::text)),
    CONSTRAINT posts_comments_count_check CHECK ((comments_count >= 0)),
    CONSTRAINT posts_likes_count_check CHECK ((likes_count >= 0)),
    CONSTRAINT posts_metadata_check CHECK ((jsonb_typeof(metadata) = 'object'::text)),
    CONSTRAINT posts_reposts_count_check CHECK ((reposts_count >= 0))
);

--
-- Name: TABLE posts; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.posts IS 'Posts. Who sees one is decided by `canSeePost`; edits keep history; deleting is soft.';

--
-- Name: COLUMN posts.id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.posts.id IS 'The post''s id.';

--
-- Name: COLUMN posts.author_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.posts.author_id IS 'The author (always the signed-in user when created).';

--
-- Name: COLUMN posts.body; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.posts.body IS 'Text, at most the setting `post_max_length` characters; #hashtags and @mentions are extracted from it.';

--
-- Name: COLUMN posts.audience; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.posts.audience IS 'public, followers, mutuals or only_me.';

--
-- Name: COLUMN posts.is_paid; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.posts.is_paid IS 'Paid post: only its author (and, with paid content, subscribers and buyers) may see it.';

--
-- Name: COLUMN posts.metadata; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.posts.metadata IS 'Free-form JSON object; `category`, `market` and `symbol` are indexed for explore filters.';

--
-- Name: COLUMN posts.likes_count; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.posts.likes_count IS 'Likes.';

--
-- Name: COLUMN posts.comments_count; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.posts.comments_count IS 'Comments (not deleted).';

--
-- Name: COLUMN posts.reposts_count; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.posts.reposts_count IS 'Reposts.';

--
-- Name: COLUMN posts.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.posts.created_at IS 'When the post was created.';

--
-- Name: COLUMN posts.updated_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.posts.updated_at IS 'When the row last changed.';

--
-- Name: COLUMN posts.edited_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.posts.edited_at IS 'When the text, metadata or audience was last edited; null if never.';

--
-- Name: COLUMN posts.deleted_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.posts.deleted_at IS 'When the post was deleted (seen by staff only).';

--
-- Name: COLUMN posts.is_demonetized; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.posts.is_demonetized IS '@behavior -*
Demonetized: earns no revenue. Set automatically when the setting `demonetize_post_reports` distinct reporters report the post; staff restore it.';

--
-- Name: COLUMN posts.demonetized_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.posts.demonetized_at IS '@behavior -*
When the post was demonetized; null while it is not.';

--
-- Name: get_visible_posts_for_user(uuid, uuid, timestamp with time zone, uuid, integer); Type: FUNCTION; Schema: app_hidden; Owner: -
--

CREATE FUNCTION app_hidden.get_visible_posts_for_user(viewer_id uuid, author_id uuid, before_created_at timestamp with time zone DEFAULT NULL::timestamp with time zone, before_id uuid DEFAULT NULL::uuid, max_results integer DEFAULT 20) RETURNS SETOF app_public.posts
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  -- Request roles may only ask for their own view.
  if auth.role() in ('anon', 'authenticated') and viewer_id is distinct from auth.uid() then
    raise exception 'You may only see posts as yourself' using errcode = 'DNIED';
  end if;
  return query
  select p.* from app_public.posts p
   where p.author_id = get_visible_posts_for_user.author_id
     and (before_created_at is null or (p.created_at, p.id) < (before_created_at, coalesce(before_id, 'ffffffff-ffff-ffff-ffff-ffffffffffff')))
     and p.deleted_at is null
     and app_hidden.can_see_post(viewer_id, p.id)
   order by p.created_at desc, p.id desc
   limit least(greatest(coalesce(max_results, 20), 1), 100);
end;
$$;

--
-- Name: FUNCTION get_visible_posts_for_user(viewer_id uuid, author_id uuid, before_created_at timestamp with time zone, before_id uuid, max_results integer); Type: COMMENT; Schema: app_hidden; Owner: -
--

COMMENT ON FUNCTION app_hidden.get_visible_posts_for_user(viewer_id uuid, author_id uuid, before_created_at timestamp with time zone, before_id uuid, max_results integer) IS 'The author''s posts the viewer may see, newest first, before (`before_created_at`, `before_id`). For SQL; clients use `Profile.timeline`.';

--
-- Name: is_user_blocked(uuid, uuid); Type: FUNCTION; Schema: app_hidden; Owner: -
--

CREATE FUNCTION app_hidden.is_user_blocked(a uuid, b uuid) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select app_private.is_blocked_pair(a, b) $$;

--
-- Name: FUNCTION is_user_blocked(a uuid, b uuid); Type: COMMENT; Schema: app_hidden; Owner: -
--

COMMENT ON FUNCTION app_hidden.is_user_blocked(a uuid, b uuid) IS 'True when either user has blocked the other. For SQL (rules and jobs); not a GraphQL field.';

--
-- Name: add_job(text, json, text, timestamp with time zone, integer, integer); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.add_job(task text, payload json DEFAULT '{}'::json, job_key text DEFAULT NULL::text, run_at timestamp with time zone DEFAULT NULL::timestamp with time zone, max_attempts integer DEFAULT NULL::integer, priority integer DEFAULT NULL::integer) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform graphile_worker.add_job(
    identifier := task,
    payload := payload,
    job_key := job_key,
    run_at := run_at,
    max_attempts := max_attempts,
    priority := priority
  );
end;
$$;

--
-- Name: FUNCTION add_job(task text, payload json, job_key text, run_at timestamp with time zone, max_attempts integer, priority integer); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.add_job(task text, payload json, job_key text, run_at timestamp with time zone, max_attempts integer, priority integer) IS 'Queue a graphile-worker job (task name from worker/tasks/). For use by SQL functions and triggers.';

--
-- Name: add_post_views(uuid[]); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.add_post_views(post_ids uuid[]) RETURNS void
    LANGUAGE sql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  insert into app_private.post_views as v (post_id, views_count)
  select id, count(*) from unnest(post_ids) id group by id order by id
  on conflict (post_id) do update set views_count = v.views_count + excluded.views_count, updated_at = now()
$$;

--
-- Name: age_band(date, date); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.age_band(birth_date date, on_day date) RETURNS app_public.age_band
    LANGUAGE sql IMMUTABLE
    AS $$
  select case
    when years < 13 then null
    when years < 18 then 'age_13_17'
    when years < 25 then 'age_18_24'
    when years < 35 then 'age_25_34'
    when years < 45 then 'age_35_44'
    when years < 55 then 'age_45_54'
    when years < 65 then 'age_55_64'
    else 'age_65_plus'
  end::app_public.age_band
  from (select extract(year from age(on_day::timestamp, birth_date::timestamp))::integer as years) a
$$;

--
-- Name: FUNCTION age_band(birth_date date, on_day date); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.age_band(birth_date date, on_day date) IS 'The age band of someone born on `birth_date`, on `on_day`; null under 13 or unknown.';

--
-- Name: anonymous_viewer_key(inet); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.anonymous_viewer_key(ip inet) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select 'ip:' || case when family(ip) = 6 then host(network(set_masklen(ip, 64))) || '/64' else host(ip) end $$;

--
-- Name: FUNCTION anonymous_viewer_key(ip inet); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.anonymous_viewer_key(ip inet) IS 'Who an anonymous viewer is, for counting views: the IPv4 address, or the IPv6 /64.';

--
-- Name: sponsor_credit_transactions; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.sponsor_credit_transactions (
    id bigint NOT NULL,
    sponsor_id uuid NOT NULL,
    kind text NOT NULL,
    amount numeric(14,4) NOT NULL,
    balance_after numeric(14,4) NOT NULL,
    idempotency_key text NOT NULL,
    reason text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT _idempotency_key_length CHECK (app_private.check_length(idempotency_key, 200, 'An idempotency key'::text)),
    CONSTRAINT _reason_length CHECK (app_private.check_length(reason, 500, 'A reason'::text)),
    CONSTRAINT amount_is_money CHECK (app_private.check_money(amount)),
    CONSTRAINT balance_after_is_money CHECK (app_private.check_money(balance_after)),
    CONSTRAINT sponsor_credit_transactions_amount_check CHECK ((amount > (0)::numeric)),
    CONSTRAINT sponsor_credit_transactions_balance_after_check CHECK ((balance_after >= (0)::numeric)),
    CONSTRAINT sponsor_credit_transactions_idempotency_key_check CHECK (((char_length(idempotency_key) >= 1) AND (char_length(idempotency_key) <= 200))),
    CONSTRAINT sponsor_credit_transactions_kind_check CHECK ((kind = ANY (ARRAY['add'::text, 'deduct'::text]))),
    CONSTRAINT sponsor_credit_transactions_reason_check CHECK ((char_length(reason) <= 500))
);

--
-- Name: TABLE sponsor_credit_transactions; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.sponsor_credit_transactions IS '@signedInOnly
Every change of a sponsor''s credits, once per idempotency key; the sponsor and staff see them.';

--
-- Name: COLUMN sponsor_credit_transactions.id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsor_credit_transactions.id IS 'The change''s id.';

--
-- Name: COLUMN sponsor_credit_transactions.sponsor_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsor_credit_transactions.sponsor_id IS 'The sponsor.';

--
-- Name: COLUMN sponsor_credit_transactions.kind; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsor_credit_transactions.kind IS 'add or deduct.';

--
-- Name: COLUMN sponsor_credit_transactions.amount; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsor_credit_transactions.amount IS 'How much was added or deducted (positive).';

--
-- Name: COLUMN sponsor_credit_transactions.balance_after; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsor_credit_transactions.balance_after IS 'The balance right after this change.';

--
-- Name: COLUMN sponsor_credit_transactions.idempotency_key; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsor_credit_transactions.idempotency_key IS 'The caller''s key: a change with a key already used is not applied again.';

--
-- Name: COLUMN sponsor_credit_transactions.reason; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsor_credit_transactions.reason IS 'Why (payment reference, campaign charge, …).';

--
-- Name: COLUMN sponsor_credit_transactions.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsor_credit_transactions.created_at IS 'When.';

--
-- Name: apply_sponsor_credit_change(uuid, text, numeric, text, text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.apply_sponsor_credit_change(sponsor_id uuid, kind text, amount numeric, idempotency_key text, reason text) RETURNS app_public.sponsor_credit_transactions
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  delta numeric := case kind when 'add' then amount when 'deduct' then -amount end;
  previous app_public.sponsor_credit_transactions;
  new_balance numeric;
  row app_public.sponsor_credit_transactions;
begin
  if amount is null or amount <= 0 or amount <> round(amount, 4) then
    raise exception 'The amount must be positive, with at most 4 decimals' using errcode = 'INVAL';
  end if;
  if idempotency_key is null or idempotency_key = '' then
    raise exception 'An idempotency key is required' using errcode = 'INVAL';
  end if;
  perform 1 from app_public.sponsor_credits c where c.sponsor_id = apply_sponsor_credit_change.sponsor_id for update;
  if not found then
    raise exception 'No sponsor account for this user; open it with get_or_create_sponsor_credits' using errcode = 'NTFND';
  end if;

  select * into previous from app_public.sponsor_credit_transactions t
   where t.sponsor_id = apply_sponsor_credit_change.sponsor_id and t.idempotency_key = apply_sponsor_credit_change.idempotency_key;
  if found then
    if previous.kind <> kind or previous.amount <> amount then
      raise exception 'Idempotency key % was used for a different change', idempotency_key using errcode = 'CONFL';
    end if;
    return previous;
  end if;

  update app_public.sponsor_credits c set balance = c.balance + delta, updated_at = now()
   where c.sponsor_id = apply_sponsor_credit_change.sponsor_id and c.balance + delta >= 0
  returning c.balance into new_balance;
  if new_balance is null then
    raise exception 'Insufficient sponsor credits' using errcode = 'FUNDS';
  end if;
  insert into app_public.sponsor_credit_transactions (sponsor_id, kind, amount, balance_after, idempotency_key, reason)
  values (apply_sponsor_credit_change.sponsor_id, kind, amount, new_balance, idempotency_key, reason)
  returning * into row;
  return row;
end;
$$;

--
-- Name: available_balance(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.available_balance(user_id uuid) RETURNS numeric
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select (select coalesce(sum(r.amount), 0) from app_public.video_revenue r where r.user_id = available_balance.user_id)
       - (select coalesce(sum(w.amount), 0) from app_public.withdrawal_requests w
           where w.user_id = available_balance.user_id and w.status <> 'rejected')
$$;

--
-- Name: sponsored_interactions; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.sponsored_interactions (
    id bigint NOT NULL,
    sponsored_post_id uuid NOT NULL,
    viewer_id uuid NOT NULL,
    kind app_public.sponsored_interaction_kind NOT NULL,
    day date NOT NULL,
    amount numeric(14,4) NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT amount_is_money CHECK (app_private.check_money(amount)),
    CONSTRAINT sponsored_interactions_amount_check CHECK ((amount >= (0)::numeric))
);

--
-- Name: TABLE sponsored_interactions; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.sponsored_interactions IS '@signedInOnly
Charged impressions and likes of campaigns, each paid by the sponsor_credit_transactions row whose key is `sponsored_interaction:<id>`. The sponsor and staff see them.';

--
-- Name: COLUMN sponsored_interactions.id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_interactions.id IS 'The interaction''s id.';

--
-- Name: COLUMN sponsored_interactions.sponsored_post_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_interactions.sponsored_post_id IS 'The campaign.';

--
-- Name: COLUMN sponsored_interactions.viewer_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_interactions.viewer_id IS 'The viewer (not readable by sponsors).';

--
-- Name: COLUMN sponsored_interactions.kind; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_interactions.kind IS 'impression or like.';

--
-- Name: COLUMN sponsored_interactions.day; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_interactions.day IS 'The UTC day (an impression is charged once per viewer per day).';

--
-- Name: COLUMN sponsored_interactions.amount; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_interactions.amount IS 'Credits charged (0 when the campaign''s cost for it is 0).';

--
-- Name: COLUMN sponsored_interactions.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_interactions.created_at IS 'When.';

--
-- Name: charge_sponsored_interaction(uuid, uuid, app_public.sponsored_interaction_kind); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.charge_sponsored_interaction(sponsored_post_id uuid, viewer_id uuid, kind app_public.sponsored_interaction_kind) RETURNS app_public.sponsored_interactions
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  sponsor uuid;
  balance numeric;
  s app_public.sponsored_posts;
  amount numeric;
  row app_public.sponsored_interactions;
begin
  select sp.sponsor_id into sponsor from app_public.sponsored_posts sp where sp.id = charge_sponsored_interaction.sponsored_post_id;
  if sponsor is null then
    return null;
  end if;
  select c.balance into balance from app_public.sponsor_credits c where c.sponsor_id = sponsor for update;
  select * into s from app_public.sponsored_posts sp where sp.id = charge_sponsored_interaction.sponsored_post_id for no key update;
  if s.status <> 'active' then
    return null;
  end if;

  if app_private.sponsored_post_fundable(s, balance) then
    amount := case kind when 'impression' then s.cost_per_impression else s.cost_per_like end;
    insert into app_public.sponsored_interactions (sponsored_post_id, viewer_id, kind, day, amount)
    values (s.id, viewer_id, kind, app_private.utc_today(), amount)
    on conflict do nothing
    returning * into row;
    if row is null then
      return null;
    end if;
    if amount > 0 then
      balance := (app_private.apply_sponsor_credit_change(s.sponsor_id, 'deduct', amount, 'sponsored_interaction:' || row.id,
                                                          format('Sponsored post %s: %s', s.id, kind))).balance_after;
    end if;
    update app_public.sponsored_posts sp
       set spent = sp.spent + amount,
           impressions_count = sp.impressions_count + (kind = 'impression')::integer,
           likes_count = sp.likes_count + (kind = 'like')::integer
     where sp.id = s.id
    returning * into s;
  end if;

  -- It could not pay this charge, or cannot pay the next one: paused.
  if not app_private.sponsored_post_fundable(s, balance) then
    perform app_private.pause_sponsored_post(
      s.id, case when app_private.sponsored_post_fundable(s, 'infinity') then 'funds' else 'budget' end::app_public.sponsored_pause_reason);
  end if;
  return row;
end;
$$;

--
-- Name: count_follow(uuid, uuid, integer); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.count_follow(follower uuid, target uuid, delta integer) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform 1 from app_public.profiles where id in (follower, target) order by id for no key update;
  update app_public.profiles set following_count = following_count + delta where id = follower;
  update app_public.profiles set followers_count = followers_count + delta where id = target;
end;
$$;

--
-- Name: count_post_views(jsonb); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.count_post_views(events jsonb) RETURNS uuid[]
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  window_length interval := app_private.setting('view_dedupe_window')::interval;
  counted uuid[];
  repeat jsonb;
begin
  with countable as (
    select ev.*, p.author_id
      from app_private.view_events(events) ev
      join app_public.posts p on p.id = ev.post_id and p.deleted_at is null
      join app_public.profiles a on a.id = p.author_id
     where ev.nth = 1
       and ev.viewer_id is distinct from p.author_id
       -- A creator's own signed-out view: from an address they were signed in from within the window.
       and not (ev.viewer_id is null
                and exists (select 1 from app_private.signed_in_addresses s
                             where s.user_id = p.author_id and s.viewer_key = ev.viewer_key and s.seen_at > ev.at - window_length))
       and (app_private.post_visible(ev.viewer_id, p.author_id, p.audience, a.is_private, p.is_paid, 0,
                                     app_private.is_blocked_pair(ev.viewer_id, p.author_id))
            or app_hidden.can_see_post(ev.viewer_id, ev.post_id))
  ), won as (
    insert into app_private.post_view_windows as w (post_id, viewer_key, counted_at)
    select c.post_id, c.viewer_key, c.at from countable c order by c.post_id, c.viewer_key
    on conflict on constraint post_view_windows_pkey do update set counted_at = excluded.counted_at
     where w.counted_at + window_length <= excluded.counted_at
    returning w.post_id, w.viewer_key
  ), logged as (
    insert into app_private.post_view_logs (post_id, author_id, viewer_id, ip, viewed_at)
    select c.post_id, c.author_id, c.viewer_id, c.ip, c.at from countable c join won using (post_id, viewer_key)
    returning post_id
  )
  select coalesce(array_agg(l.post_id), '{}') into counted from logged l;

  for repeat in
    select jsonb_build_object('post_id', e.post_id, 'viewer_id', e.viewer_id, 'ip', e.ip, 'at', e.at)
      from app_private.view_events(events) e where e.nth > 1 order by e.at
  loop
    counted := counted || app_private.count_post_views(jsonb_build_array(repeat));
  end loop;
  return counted;
end;
$$;

--
-- Name: FUNCTION count_post_views(events jsonb); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.count_post_views(events jsonb) IS 'THE view-counting rule, set-based: the posts of the views that count (logged); callers add them to the counters. Not counted: the author''s own views, signed in or signed out (from an address the author was signed in from within the dedupe window).';

--
-- Name: delete_expired_messages(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.delete_expired_messages() RETURNS integer
    LANGUAGE sql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  with expired as (
    select m.id from app_public.messages m
     where m.read_at < now() - make_interval(hours => app_private.setting('message_expiry_hours')::integer)
       for update skip locked
  ), d as (
    delete from app_public.messages m using expired e where m.id = e.id returning 1
  ) select count(*)::integer from d
$$;

--
-- Name: FUNCTION delete_expired_messages(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.delete_expired_messages() IS 'Delete the messages read longer ago than the setting `message_expiry_hours`; returns how many. Run hourly by the worker; safe to run concurrently and repeatedly.';

--
-- Name: demonetize_account_if_repeated(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.demonetize_account_if_repeated(user_id uuid) RETURNS boolean
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  account app_public.profiles;
  days integer := app_private.setting('demonetize_account_window_days')::integer;
  demonetized integer;
begin
  select * into account from app_public.profiles p where p.id = demonetize_account_if_repeated.user_id for no key update;
  if not found then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  if account.is_demonetized then
    return true;
  end if;
  select count(*) into demonetized from app_public.posts p
   where p.author_id = account.id and p.is_demonetized and p.demonetized_at > now() - make_interval(days => days);
  if demonetized < app_private.setting('demonetize_account_posts')::integer then
    return false;
  end if;
  update app_public.profiles set is_demonetized = true, demonetized_at = now() where id = account.id;
  insert into app_public.moderation_actions (actor_id, action, target_user_id, note)
  values (null, 'demonetize_account', account.id, format('%s posts demonetized in %s days', demonetized, days));
  return true;
end;
$$;

--
-- Name: demonetize_post_if_reported(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.demonetize_post_if_reported(post_id uuid) RETURNS boolean
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  p app_public.posts;
  reporters integer;
begin
  select * into p from app_public.posts where id = demonetize_post_if_reported.post_id for no key update;
  if not found then
    raise exception 'No such post' using errcode = 'NTFND';
  end if;
  if p.is_demonetized then
    return true;
  end if;
  reporters := app_private.post_report_count(p.id);
  if reporters < app_private.setting('demonetize_post_reports')::integer then
    return false;
  end if;
  update app_public.posts set is_demonetized = true, demonetized_at = now() where id = p.id;
  insert into app_public.moderation_actions (actor_id, action, post_id, target_user_id, note)
  values (null, 'demonetize_post', p.id, p.author_id, format('%s distinct reporters', reporters));
  perform app_private.demonetize_account_if_repeated(p.author_id);
  return true;
end;
$$;

--
-- Name: derive_handle(text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.derive_handle(display_name text) RETURNS public.citext
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  letters constant text := 'abcdefghjkmnpqrstuvwxyz23456789';
  base text := trim(both '_' from left(regexp_replace(lower(coalesce(display_name, '')), '[^a-z0-9_]+', '_', 'g'), 20));
  candidate text;
begin
  if char_length(base) < 3 then
    base := 'user_' || (select string_agg(substr(letters, 1 + floor(random() * length(letters))::int, 1), '') from generate_series(1, 6));
  end if;
  candidate := base;
  for i in 1..50 loop
    if not app_private.is_reserved_handle(candidate)
       and not exists (select 1 from app_public.profiles p where p.handle = candidate::citext) then
      return candidate::citext;
    end if;
    candidate := base || '_' || (floor(random() * (case when i < 10 then 10000 else 100000000 end)))::int;
  end loop;
  raise exception 'could not derive a free handle' using errcode = 'CONFL';
end;
$$;

--
-- Name: FUNCTION derive_handle(display_name text); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.derive_handle(display_name text) IS 'A free handle for a new account: from its display name, else user_ and six random letters or digits; a number is added while taken.';

--
-- Name: encrypt_message_body(text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.encrypt_message_body(body text, OUT key_id text, OUT ciphertext bytea) RETURNS record
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  key_id := nullif(current_setting('app.message_keys', true), '')::jsonb ->> 'current';
  if app_private.message_key(key_id) is null then
    raise exception 'No current message encryption key' using errcode = 'internal_error';
  end if;
  ciphertext := app_private.encrypt_with_key(body, app_private.message_key(key_id));
end;
$$;

--
-- Name: FUNCTION encrypt_message_body(body text, OUT key_id text, OUT ciphertext bytea); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.encrypt_message_body(body text, OUT key_id text, OUT ciphertext bytea) IS 'Encrypt a message body with the current key; returns the key id and the ciphertext.';

--
-- Name: encrypt_with_key(text, text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.encrypt_with_key(body text, key text) RETURNS bytea
    LANGUAGE sql STRICT
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select public.pgp_sym_encrypt(body, key, 'cipher-algo=aes256, compress-algo=0, s2k-mode=1, s2k-digest-algo=sha256') $$;

--
-- Name: FUNCTION encrypt_with_key(body text, key text); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.encrypt_with_key(body text, key text) IS 'OpenPGP symmetric encryption, AES-256, no compression (its length would leak content); the key is random, so no slow key stretching.';

--
-- Name: extract_hashtags(text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.extract_hashtags(body text) RETURNS text[]
    LANGUAGE sql IMMUTABLE
    AS $$
  select coalesce(array_agg(distinct lower(m[1])), '{}')
    from regexp_matches(body, '(?:^|[^[:alnum:]_&])#([[:alpha:]_][[:alnum:]_]{0,99})', 'g') m
$$;

--
-- Name: FUNCTION extract_hashtags(body text); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.extract_hashtags(body text) IS 'The #hashtags in a text, lower-cased, once each.';

--
-- Name: extract_mentions(text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.extract_mentions(body text) RETURNS text[]
    LANGUAGE sql IMMUTABLE
    AS $$
  select coalesce(array_agg(distinct lower(m[1])), '{}')
    from regexp_matches(body, '(?:^|[^[:alnum:]_@])@([A-Za-z0-9_]{3,30})(?![A-Za-z0-9_])', 'g') m
$$;

--
-- Name: FUNCTION extract_mentions(body text); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.extract_mentions(body text) IS 'The @handles mentioned in a text, lower-cased, once each.';

--
-- Name: feed_candidates(uuid[], timestamp with time zone, uuid, uuid, integer, uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.feed_candidates(authors uuid[], before_at timestamp with time zone, before_post uuid, before_reposter uuid, window_size integer, viewer uuid) RETURNS SETOF app_public.feed_entry
    LANGUAGE sql STABLE
    AS $$
  select x.post_id, x.reposted_by_id, x.feed_at, null::text
    from (
      select x.post_id, x.reposted_by_id, x.feed_at
        from unnest(authors) fe(id)
        cross join lateral (
          select p.id as post_id, null::uuid as reposted_by_id, p.created_at as feed_at
            from app_public.posts p
           where p.author_id = fe.id
             and (p.created_at, p.id) <= (before_at, before_post)
             and ((p.created_at, p.id) < (before_at, before_post) or before_reposter <> '00000000-0000-0000-0000-000000000000')
             and p.deleted_at is null
             and (viewer is null or fe.id = viewer or (not p.is_paid and p.audience <> 'only_me'))
           order by p.created_at desc, p.id desc
           limit window_size
        ) x
      union all
      select x.post_id, x.reposted_by_id, x.feed_at
        from unnest(authors) fe(id)
        cross join lateral (
          select r.post_id, r.user_id as reposted_by_id, r.created_at as feed_at
            from app_public.reposts r
           where r.user_id = fe.id
             and (r.created_at, r.post_id) <= (before_at, before_post)
             and ((r.created_at, r.post_id) < (before_at, before_post) or fe.id < before_reposter)
           order by r.created_at desc, r.post_id desc
           limit window_size
        ) x
    ) x
   order by x.feed_at desc, x.post_id desc, coalesce(x.reposted_by_id, '00000000-0000-0000-0000-000000000000') desc
   limit window_size
$$;

--
-- Name: FUNCTION feed_candidates(authors uuid[], before_at timestamp with time zone, before_post uuid, before_reposter uuid, window_size integer, viewer uuid); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.feed_candidates(authors uuid[], before_at timestamp with time zone, before_post uuid, before_reposter uuid, window_size integer, viewer uuid) IS 'The newest entries of these accounts before a cursor, from the indexes; candidates for the rule, not a feed.';

--
-- Name: feed_cursor(timestamp with time zone, uuid, uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.feed_cursor(feed_at timestamp with time zone, post_id uuid, reposter uuid) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
  select (extract(epoch from feed_at) * 1000000)::bigint::text || '.' || post_id::text || '.'
         || coalesce(reposter, '00000000-0000-0000-0000-000000000000')::text
$$;

--
-- Name: feed_cursor_parts(text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.feed_cursor_parts(cursor text, OUT feed_at timestamp with time zone, OUT post_id uuid, OUT reposter uuid) RETURNS record
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if cursor is null then
    feed_at := 'infinity';
    post_id := 'ffffffff-ffff-ffff-ffff-ffffffffffff';
    reposter := 'ffffffff-ffff-ffff-ffff-ffffffffffff';
    return;
  end if;
  feed_at := to_timestamp(split_part(cursor, '.', 1)::bigint / 1000000.0);
  post_id := split_part(cursor, '.', 2)::uuid;
  reposter := split_part(cursor, '.', 3)::uuid;
  if feed_at is null or post_id is null or reposter is null or split_part(cursor, '.', 4) <> '' then
    raise exception 'Invalid cursor' using errcode = 'INVAL';
  end if;
exception
  when invalid_text_representation or numeric_value_out_of_range or invalid_parameter_value then
    raise exception 'Invalid cursor' using errcode = 'INVAL';
end;
$$;

--
-- Name: feed_recipients(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.feed_recipients(post_id uuid) RETURNS SETOF uuid
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select p.author_id from app_public.posts p where p.id = post_id and p.deleted_at is null
  union all
  select f.follower_id
    from app_public.posts p
    join app_public.profiles a on a.id = p.author_id
    join app_public.followers f on f.following_id = p.author_id and f.status = 'approved'
   where p.id = feed_recipients.post_id
     and p.deleted_at is null
     and app_private.post_visible(
           f.follower_id, p.author_id, p.audience, a.is_private, p.is_paid,
           case when exists (select 1 from app_public.followers back
                              where back.follower_id = p.author_id and back.following_id = f.follower_id and back.status = 'approved')
                then 2 else 1 end,
           false) -- an approved follow cannot cross a block (blocking ends follows)
     and not exists (select 1 from app_public.mutes m
                      where m.muter_id = f.follower_id and m.muted_id = p.author_id
                        and (m.expires_at is null or m.expires_at > now()))
$$;

--
-- Name: FUNCTION feed_recipients(post_id uuid); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.feed_recipients(post_id uuid) IS 'Users whose home feed a post enters: its author and the followers who may see it.';

--
-- Name: follows(uuid, uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.follows(follower uuid, target uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select exists (
    select 1 from app_public.followers f
     where f.follower_id = follows.follower and f.following_id = follows.target and f.status = 'approved'
  )
$$;

--
-- Name: home_feed_cache_entries(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.home_feed_cache_entries(user_id uuid, OUT version bigint, OUT cap integer, OUT entries text[]) RETURNS record
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  authors uuid[] := array(
    select x.id from (
      select f.following_id as id from app_public.followers f
       where f.follower_id = home_feed_cache_entries.user_id and f.status = 'approved'
      union all
      select home_feed_cache_entries.user_id
    ) x
    where not exists (select 1 from app_private.feed_pull_authors a where a.author_id = x.id));
begin
  version := coalesce((select v.version from app_private.home_feed_versions v where v.user_id = home_feed_cache_entries.user_id), 0);
  cap := app_private.setting('feed_cache_size')::integer;
  entries := array(
    select app_private.feed_cursor(e.feed_at, e.post_id, e.reposted_by_id)
      from app_private.feed_candidates(authors, 'infinity', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'ffffffff-ffff-ffff-ffff-ffffffffffff', cap, null) e);
end;
$$;

--
-- Name: FUNCTION home_feed_cache_entries(user_id uuid, OUT version bigint, OUT cap integer, OUT entries text[]); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.home_feed_cache_entries(user_id uuid, OUT version bigint, OUT cap integer, OUT entries text[]) IS 'For the worker: what a freshly built cache of the user''s home feed holds (cursor strings, newest first), the cache size, and the followee version.';

--
-- Name: home_feed_cache_push(uuid, uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.home_feed_cache_push(post_id uuid, reposter uuid DEFAULT NULL::uuid, OUT member text, OUT cap integer, OUT recipients uuid[]) RETURNS record
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select app_private.feed_cursor(coalesce(r.created_at, p.created_at), p.id, r.user_id),
         app_private.setting('feed_cache_size')::integer,
         array(select app_private.home_feed_cache_recipients(p.id, r.user_id))
    from app_public.posts p
    left join app_public.reposts r on r.post_id = p.id and r.user_id = home_feed_cache_push.reposter
   where p.id = home_feed_cache_push.post_id and p.deleted_at is null
     and (home_feed_cache_push.reposter is null or r.user_id is not null)
$$;

--
-- Name: FUNCTION home_feed_cache_push(post_id uuid, reposter uuid, OUT member text, OUT cap integer, OUT recipients uuid[]); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.home_feed_cache_push(post_id uuid, reposter uuid, OUT member text, OUT cap integer, OUT recipients uuid[]) IS 'For the worker: the cache member of a new post (or repost), the cache size, and whose caches it is pushed into.';

--
-- Name: home_feed_cache_recipients(uuid, uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.home_feed_cache_recipients(post_id uuid, reposter uuid DEFAULT NULL::uuid) RETURNS SETOF uuid
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  with poster as (
    select coalesce(home_feed_cache_recipients.reposter, p.author_id) as id
      from app_public.posts p
     where p.id = home_feed_cache_recipients.post_id and p.deleted_at is null
       and not exists (select 1 from app_private.feed_pull_authors a
                        where a.author_id = coalesce(home_feed_cache_recipients.reposter, p.author_id))
  )
  select poster.id from poster
  union all
  select f.follower_id
    from poster
    join app_public.followers f on f.following_id = poster.id and f.status = 'approved'
    join app_private.user_activity a on a.user_id = f.follower_id
   where a.last_active_at > now() - make_interval(days => app_private.setting('feed_active_days')::integer)
$$;

--
-- Name: FUNCTION home_feed_cache_recipients(post_id uuid, reposter uuid); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.home_feed_cache_recipients(post_id uuid, reposter uuid) IS 'Users whose cached home feed a new post (or a repost of it by `reposter`) is pushed into.';

--
-- Name: home_feed_page(uuid, app_public.feed_entry[], uuid[]); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.home_feed_page(viewer uuid, candidates app_public.feed_entry[], muted uuid[]) RETURNS app_public.feed_entry[]
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select array_agg(v)
    from app_private.visible_entries(viewer, candidates) v
   where not exists (select 1 from app_public.posts p where p.id = v.post_id and p.author_id = any (muted))
$$;

--
-- Name: FUNCTION home_feed_page(viewer uuid, candidates app_public.feed_entry[], muted uuid[]); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.home_feed_page(viewer uuid, candidates app_public.feed_entry[], muted uuid[]) IS 'The candidates (in order) that belong on the viewer''s home feed page.';

--
-- Name: ingest_view_batch(text, jsonb); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.ingest_view_batch(batch_id text, events jsonb) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  counted_posts uuid[];
begin
  insert into app_private.ingested_view_batches (batch_id, events) values (batch_id, jsonb_array_length(events))
  on conflict do nothing;
  if not found then
    return 0; -- applied before (a sync that stopped after committing)
  end if;
  counted_posts := app_private.count_post_views(events);
  perform app_private.add_post_views(counted_posts);
  update app_private.ingested_view_batches b set counted = cardinality(counted_posts) where b.batch_id = ingest_view_batch.batch_id;
  return cardinality(counted_posts);
end;
$$;

--
-- Name: FUNCTION ingest_view_batch(batch_id text, events jsonb); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.ingest_view_batch(batch_id text, events jsonb) IS 'Apply view events [{post_id, viewer_id, ip, at}] drained from Redis, at most once per batch id; returns the views counted.';

--
-- Name: is_blocked_pair(uuid, uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.is_blocked_pair(a uuid, b uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select exists (
    select 1 from app_public.blocked_users
     where (blocker_id = a and blocked_id = b) or (blocker_id = b and blocked_id = a)
  )
$$;

--
-- Name: is_cheat_flagged(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.is_cheat_flagged(user_id uuid) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select coalesce((select s.is_flagged from app_public.user_cheat_status s where s.user_id = is_cheat_flagged.user_id), false) $$;

--
-- Name: is_monetization_eligible(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.is_monetization_eligible(user_id uuid) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select coalesce(bool_and(c.met), false) from app_private.monetization_conditions(user_id) c $$;

--
-- Name: is_reserved_handle(text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.is_reserved_handle(handle text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$
  select lower(handle) = any (array[
    'admin', 'administrator', 'root', 'support', 'help', 'api', 'auth', 'graphql', 'graphiql', 'health',
    'metrics', 'settings', 'login', 'logout', 'signup', 'signin', 'register', 'explore', 'home', 'search',
    'notifications', 'messages', 'me', 'null', 'undefined', 'system', 'staff', 'moderator', 'pgsocial'
  ])
$$;

--
-- Name: FUNCTION is_reserved_handle(handle text); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.is_reserved_handle(handle text) IS 'Handles nobody may take (routes, roles, system words).';

--
-- Name: is_staff(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.is_staff(user_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select coalesce((select u.raw_app_meta_data ->> 'role' in ('moderator', 'admin') from auth.users u where u.id = user_id), false)
$$;

--
-- Name: is_suspended(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.is_suspended(user_id uuid) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select exists (select 1 from app_public.profiles p where p.id = is_suspended.user_id
                  and p.suspended_at is not null and coalesce(p.suspended_until > now(), true))
$$;

--
-- Name: message_key(text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.message_key(key_id text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  keys text := current_setting('app.message_keys', true);
begin
  if keys is null or keys = '' then
    raise exception 'Message encryption keys are not configured for this session' using errcode = 'internal_error';
  end if;
  -- null for a retired key (no longer configured): the body cannot be read.
  return keys::jsonb -> 'keys' ->> key_id;
end;
$$;

--
-- Name: FUNCTION message_key(key_id text); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.message_key(key_id text) IS 'The secret of a message key, from the transaction setting app.message_keys that the server sets; null for an unknown key id. Owner only: messages_body and send_message use it after their checks.';

--
-- Name: monetization_conditions(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.monetization_conditions(user_id uuid) RETURNS SETOF app_public.monetization_condition
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select c.condition, c.required, c.actual, c.actual >= c.required
    from app_public.profiles p
    cross join lateral (values
      (1, 'account_age_days', app_private.setting('monetization_min_account_age_days')::numeric,
          floor(extract(epoch from now() - p.created_at) / 86400)::numeric),
      (2, 'profile_likes', app_private.setting('monetization_min_profile_likes')::numeric, p.profile_likes_count::numeric),
      (3, 'post_likes', app_private.setting('monetization_min_post_likes')::numeric,
          (select coalesce(sum(x.likes_count), 0) from app_public.posts x where x.author_id = p.id and x.deleted_at is null)::numeric),
      (4, 'posts', app_private.setting('monetization_min_posts')::numeric, p.posts_count::numeric),
      (5, 'not_demonetized', 1::numeric, case when p.is_demonetized then 0 else 1 end::numeric),
      (6, 'not_flagged', 1::numeric, case when app_private.is_cheat_flagged(p.id) then 0 else 1 end::numeric)
    ) c(ord, condition, required, actual)
   where p.id = monetization_conditions.user_id
   order by c.ord
$$;

--
-- Name: withdrawal_requests; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.withdrawal_requests (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    amount numeric(14,4) NOT NULL,
    status app_public.withdrawal_status DEFAULT 'pending'::app_public.withdrawal_status NOT NULL,
    method text NOT NULL,
    details jsonb NOT NULL,
    note text,
    reviewed_by uuid,
    reviewed_at timestamp with time zone,
    paid_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    idempotency_key text,
    CONSTRAINT _idempotency_key_length CHECK (app_private.check_length(idempotency_key, 200, 'An idempotency key'::text)),
    CONSTRAINT _note_length CHECK (app_private.check_length(note, 1000, 'A note'::text)),
    CONSTRAINT amount_is_money CHECK (app_private.check_money(amount)),
    CONSTRAINT withdrawal_requests_amount_check CHECK ((amount > (0)::numeric)),
    CONSTRAINT withdrawal_requests_idempotency_key_check CHECK (((char_length(idempotency_key) >= 1) AND (char_length(idempotency_key) <= 200))),
    CONSTRAINT withdrawal_requests_note_check CHECK ((char_length(note) <= 1000))
);

--
-- Name: TABLE withdrawal_requests; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.withdrawal_requests IS '@signedInOnly
Withdrawals of revenue. The creator and admins see them; admins move them (approve, reject, mark paid).';

--
-- Name: COLUMN withdrawal_requests.id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.withdrawal_requests.id IS 'The request''s id.';

--
-- Name: COLUMN withdrawal_requests.user_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.withdrawal_requests.user_id IS 'The creator.';

--
-- Name: COLUMN withdrawal_requests.amount; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.withdrawal_requests.amount IS 'How much.';

--
-- Name: COLUMN withdrawal_requests.status; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.withdrawal_requests.status IS 'pending, approved, paid or rejected.';

--
-- Name: COLUMN withdrawal_requests.method; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.withdrawal_requests.method IS 'The payout method when requested.';

--
-- Name: COLUMN withdrawal_requests.details; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.withdrawal_requests.details IS 'The payout details when requested.';

--
-- Name: COLUMN withdrawal_requests.note; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.withdrawal_requests.note IS 'Staff: why rejected, or the payment reference.';

--
-- Name: COLUMN withdrawal_requests.reviewed_by; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.withdrawal_requests.reviewed_by IS 'The admin who last moved it.';

--
-- Name: COLUMN withdrawal_requests.reviewed_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.withdrawal_requests.reviewed_at IS 'When approved or rejected.';

--
-- Name: COLUMN withdrawal_requests.paid_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.withdrawal_requests.paid_at IS 'When paid.';

--
-- Name: COLUMN withdrawal_requests.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.withdrawal_requests.created_at IS 'When requested.';

--
-- Name: COLUMN withdrawal_requests.updated_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.withdrawal_requests.updated_at IS 'When last changed.';

--
-- Name: COLUMN withdrawal_requests.idempotency_key; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.withdrawal_requests.idempotency_key IS 'The client''s key for this request: a retry with the same key returns it.';

--
-- Name: move_withdrawal(uuid, app_public.withdrawal_status[], app_public.withdrawal_status, text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.move_withdrawal(request_id uuid, from_statuses app_public.withdrawal_status[], to_status app_public.withdrawal_status, note text) RETURNS app_public.withdrawal_requests
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  row app_public.withdrawal_requests;
begin
  perform app_private.require_admin();
  update app_public.withdrawal_requests w
     set status = to_status,
         note = coalesce(move_withdrawal.note, w.note),
         reviewed_by = auth.uid(),
         reviewed_at = case when to_status in ('approved', 'rejected') then now() else w.reviewed_at end,
         paid_at = case when to_status = 'paid' then now() end
   where w.id = request_id and w.status = any (from_statuses)
  returning * into row;
  if row is null then
    select * into row from app_public.withdrawal_requests w where w.id = request_id;
    if row is null then
      raise exception 'No such withdrawal request' using errcode = 'NTFND';
    end if;
    raise exception 'A % withdrawal cannot become %', row.status, to_status using errcode = 'CONFL';
  end if;
  return row;
end;
$$;

--
-- Name: notification_group_key(app_public.notification_type, uuid, jsonb); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.notification_group_key(type app_public.notification_type, post_id uuid, data jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
  select case
    when type in ('like', 'repost') and post_id is not null then type::text || ':' || post_id
    when type = 'follow' then 'follow'
    when type = 'message' and data ? 'conversation_id' then 'message:' || (data ->> 'conversation_id')
  end
$$;

--
-- Name: FUNCTION notification_group_key(type app_public.notification_type, post_id uuid, data jsonb); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.notification_group_key(type app_public.notification_type, post_id uuid, data jsonb) IS 'Which events group: likes and reposts of one post, follows, messages of one conversation. Null: never grouped.';

--
-- Name: notification_push_payload(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.notification_push_payload(notification_id uuid) RETURNS json
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select json_build_object(
           'notification_id', n.id, 'recipient_id', n.recipient_id, 'type', n.type,
           'actor_handle', a.handle, 'actor_count', n.actor_count, 'event_count', n.event_count,
           'post_id', n.post_id, 'comment_id', n.comment_id, 'data', n.data)
    from app_public.notifications n
    left join app_public.profiles a on a.id = n.actor_id
   where n.id = notification_id
     and n.read_at is null
     and not exists (select 1 from app_private.notification_pushes x where x.notification_id = n.id)
$$;

--
-- Name: FUNCTION notification_push_payload(notification_id uuid); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.notification_push_payload(notification_id uuid) IS 'What the push adapter sends for a notification; null when there is nothing to push (gone, read, or pushed already).';

--
-- Name: notify(uuid, app_public.notification_type, uuid, uuid, uuid, jsonb); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.notify(recipient_id uuid, type app_public.notification_type, actor_id uuid DEFAULT NULL::uuid, post_id uuid DEFAULT NULL::uuid, comment_id uuid DEFAULT NULL::uuid, data jsonb DEFAULT '{}'::jsonb) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  key text := app_private.notification_group_key(type, post_id, coalesce(data, '{}'));
  nid uuid;
  created boolean;
  new_actor boolean := false;
begin
  if recipient_id is null or type is null then
    raise exception 'notify needs a recipient and a type' using errcode = 'INVAL';
  end if;
  if recipient_id = actor_id then
    return null;
  end if;
  if exists (select 1 from app_public.user_settings s
              where s.user_id = notify.recipient_id and s.notification_preferences ->> notify.type::text = 'false') then
    return null;
  end if;
  if actor_id is not null and (
       app_private.is_blocked_pair(actor_id, recipient_id)
       or exists (select 1 from app_public.mutes m
                   where m.muter_id = notify.recipient_id and m.muted_id = notify.actor_id
                     and (m.expires_at is null or m.expires_at > now()))) then
    return null;
  end if;
  if post_id is not null and not app_hidden.can_see_post(recipient_id, post_id) then
    return null;
  end if;

  insert into app_public.notifications as o (recipient_id, type, actor_id, actor_ids, actor_count, post_id, comment_id, data, group_key)
  values (recipient_id, type, actor_id, case when actor_id is null then '{}' else array[actor_id] end,
          case when actor_id is null then 0 else 1 end, post_id, comment_id, coalesce(data, '{}'), key)
  on conflict (recipient_id, group_key) where read_at is null and group_key is not null do update
    set actor_id = coalesce(excluded.actor_id, o.actor_id),
        actor_ids = case when excluded.actor_id is null then o.actor_ids
                         else (array_prepend(excluded.actor_id, array_remove(o.actor_ids, excluded.actor_id)))[1:3] end,
        event_count = o.event_count + 1,
        comment_id = coalesce(excluded.comment_id, o.comment_id),
        data = o.data || excluded.data,
        updated_at = greatest(now(), o.updated_at + interval '1 microsecond')
  returning o.id, (o.xmax = 0) into nid, created;

  if actor_id is not null then
    insert into app_private.notification_actors (notification_id, actor_id) values (nid, actor_id) on conflict do nothing;
    new_actor := found;
  end if;
  if created then
    perform app_private.add_job('notification__push', json_build_object('id', nid), job_key := 'notification__push:' || nid, max_attempts := 10);
  elsif new_actor then
    update app_public.notifications o set actor_count = o.actor_count + 1 where o.id = nid;
  end if;
  perform pg_notify('notifications:' || recipient_id,
                    json_build_object('event', case when created then 'created' else 'updated' end, 'notification_id', nid)::text);
  return nid;
end;
$$;

--
-- Name: FUNCTION notify(recipient_id uuid, type app_public.notification_type, actor_id uuid, post_id uuid, comment_id uuid, data jsonb); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.notify(recipient_id uuid, type app_public.notification_type, actor_id uuid, post_id uuid, comment_id uuid, data jsonb) IS 'The one entry point for notifications: preferences, blocks, mutes, post visibility, grouping, real-time event, one push job. Returns the notification id, or null when none is due.';

--
-- Name: notify_feed(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.notify_feed(post_id uuid) RETURNS integer
    LANGUAGE sql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select count(pg_notify('feed:' || r, json_build_object('event', 'post_created', 'post_id', post_id)::text))::integer
    from app_private.feed_recipients(post_id) r
$$;

--
-- Name: FUNCTION notify_feed(post_id uuid); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.notify_feed(post_id uuid) IS 'Send the feed event of a new post to everyone whose home feed it enters.';

--
-- Name: pause_sponsored_post(uuid, app_public.sponsored_pause_reason); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.pause_sponsored_post(id uuid, reason app_public.sponsored_pause_reason) RETURNS void
    LANGUAGE sql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  update app_public.sponsored_posts s set status = 'paused', paused_reason = reason, paused_at = now()
   where s.id = pause_sponsored_post.id and s.status = 'active';
$$;

--
-- Name: post_report_count(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.post_report_count(post_id uuid) RETURNS integer
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select count(distinct r.reporter_id)::integer from app_public.post_reports r
   where r.post_id = post_report_count.post_id and r.status <> 'dismissed'
     and r.created_at > coalesce((select max(a.created_at) from app_public.moderation_actions a
                                   where a.post_id = post_report_count.post_id and a.action = 'restore_post'), '-infinity')
$$;

--
-- Name: FUNCTION post_report_count(post_id uuid); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.post_report_count(post_id uuid) IS 'Distinct reporters of the post whose report was not dismissed, since staff last restored it.';

--
-- Name: post_visible(uuid, uuid, app_public.post_audience, boolean, boolean, integer, boolean); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.post_visible(viewer uuid, author uuid, audience app_public.post_audience, author_private boolean, is_paid boolean, relationship integer, blocked boolean) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$
  select coalesce(viewer = author, false)
      or (not coalesce(blocked, false)
          and not is_paid
          and relationship >= case audience
                                when 'public' then case when author_private then 1 else 0 end
                                when 'followers' then 1
                                when 'mutuals' then 2
                                else 3
                              end)
$$;

--
-- Name: FUNCTION post_visible(viewer uuid, author uuid, audience app_public.post_audience, author_private boolean, is_paid boolean, relationship integer, blocked boolean); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.post_visible(viewer uuid, author uuid, audience app_public.post_audience, author_private boolean, is_paid boolean, relationship integer, blocked boolean) IS 'The post visibility rule, from facts. Used by can_see_post and by the posts RLS policy.';

--
-- Name: prune_view_windows(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.prune_view_windows() RETURNS integer
    LANGUAGE sql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  with w as (
    delete from app_private.post_view_windows where counted_at < now() - app_private.setting('view_dedupe_window')::interval returning 1
  ), b as (
    delete from app_private.ingested_view_batches where ingested_at < now() - interval '30 days' returning 1
  ) select (select count(*) from w)::integer + (select count(*) from b)::integer
$$;

--
-- Name: FUNCTION prune_view_windows(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.prune_view_windows() IS 'Forget dedupe windows that have ended and batch ids older than 30 days.';

--
-- Name: record_notification_push(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.record_notification_push(notification_id uuid) RETURNS boolean
    LANGUAGE sql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  with i as (
    insert into app_private.notification_pushes (notification_id)
    select n.id from app_public.notifications n where n.id = record_notification_push.notification_id
    on conflict do nothing returning 1
  ) select exists (select 1 from i)
$$;

--
-- Name: FUNCTION record_notification_push(notification_id uuid); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.record_notification_push(notification_id uuid) IS 'Record that a notification was pushed; false if it already was (or is gone).';

--
-- Name: record_signed_in_address(uuid, inet); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.record_signed_in_address(user_id uuid, ip inet) RETURNS void
    LANGUAGE sql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  insert into app_private.signed_in_addresses as a (user_id, viewer_key, seen_at)
  select p.id, app_private.anonymous_viewer_key(ip), now() from app_public.profiles p
   where p.id = record_signed_in_address.user_id and ip is not null
  on conflict (user_id, viewer_key) do update set seen_at = now()
   where a.seen_at < now() - interval '1 minute';
  -- Forget addresses older than the view dedupe window: they no longer matter.
  delete from app_private.signed_in_addresses a
   where a.user_id = record_signed_in_address.user_id
     and a.seen_at < now() - app_private.setting('view_dedupe_window')::interval;
$$;

--
-- Name: FUNCTION record_signed_in_address(user_id uuid, ip inet); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.record_signed_in_address(user_id uuid, ip inet) IS 'Record that the user made a signed-in request from this address (as anonymous views are keyed: the IPv4 address or the IPv6 /64), so that their own signed-out views of their posts do not count.';

--
-- Name: reencrypt_messages(integer); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.reencrypt_messages(max_rows integer DEFAULT 500) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  current_id text := nullif(current_setting('app.message_keys', true), '')::jsonb ->> 'current';
  n integer;
begin
  if app_private.message_key(current_id) is null then
    raise exception 'No current message encryption key' using errcode = 'internal_error';
  end if;
  with batch as (
    select m.id, m.ciphertext, m.key_id from app_public.messages m
     where m.key_id <> current_id and app_private.message_key(m.key_id) is not null
     limit max_rows
       for update skip locked
  ), u as (
    update app_public.messages m
       set ciphertext = app_private.encrypt_with_key(public.pgp_sym_decrypt(b.ciphertext, app_private.message_key(b.key_id)),
                                                     app_private.message_key(current_id)),
           key_id = current_id
      from batch b where m.id = b.id
    returning 1
  ) select count(*)::integer into n from u;
  return n;
end;
$$;

--
-- Name: FUNCTION reencrypt_messages(max_rows integer); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.reencrypt_messages(max_rows integer) IS 'Re-encrypt up to max_rows messages from older configured keys under the current key (keys from the transaction setting app.message_keys).';

--
-- Name: refresh_feed_pull_authors(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.refresh_feed_pull_authors() RETURNS integer
    LANGUAGE sql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  with added as (
    insert into app_private.feed_pull_authors (author_id)
    select p.id from app_public.profiles p
     where p.followers_count >= app_private.setting('feed_push_max_followers')::integer
    on conflict (author_id) do nothing
    returning 1
  ) select count(*)::integer from added
$$;

--
-- Name: FUNCTION refresh_feed_pull_authors(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.refresh_feed_pull_authors() IS 'Mark every account at or above feed_push_max_followers as pulled (for bulk loads, which bypass triggers). Returns how many were added.';

--
-- Name: refresh_user_analytics(date); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.refresh_user_analytics(day date) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  from_ts timestamptz := day::timestamp at time zone 'UTC';
  to_ts timestamptz := (day + 1)::timestamp at time zone 'UTC';
  per_like numeric := app_private.setting('revenue_per_like')::numeric;
  per_view numeric := app_private.setting('revenue_per_view')::numeric;
  n integer;
begin
  with views as (
    select l.author_id as user_id, count(*) as views,
           count(*) filter (where exists (select 1 from app_public.user_videos v where v.post_id = l.post_id)) as video_views
      from app_private.post_view_logs l
     where l.viewed_at >= from_ts and l.viewed_at < to_ts
     group by l.author_id
  ), likes as (
    select p.author_id as user_id, count(*) as likes,
           count(*) filter (where exists (select 1 from app_public.user_videos v where v.post_id = l.post_id)) as video_likes
      from app_private.post_like_logs l join app_public.posts p on p.id = l.post_id
     where l.action = 'like' and l.created_at >= from_ts and l.created_at < to_ts and l.user_id <> p.author_id
     group by p.author_id
  ), days as (
    select coalesce(v.user_id, l.user_id) as user_id, coalesce(v.views, 0) as views, coalesce(l.likes, 0) as likes,
           coalesce(l.video_likes, 0) * per_like + coalesce(v.video_views, 0) * per_view as estimated_revenue
      from views v full join likes l on l.user_id = v.user_id
    union all -- creators get a row every day (their followers)
    select s.user_id, 0, 0, 0 from app_public.user_settings s
     where s.is_content_creator
       and not exists (select 1 from views v where v.user_id = s.user_id)
       and not exists (select 1 from likes l where l.user_id = s.user_id)
  )
  insert into app_public.user_analytics as a (user_id, day, views, likes, followers, estimated_revenue)
  select d.user_id, refresh_user_analytics.day, d.views, d.likes, p.followers_count, d.estimated_revenue
    from days d join app_public.profiles p on p.id = d.user_id
  on conflict on constraint user_analytics_pkey do update
     set views = excluded.views, likes = excluded.likes, estimated_revenue = excluded.estimated_revenue, updated_at = now(),
         -- A follower count is a snapshot: only today's moves.
         followers = case when a.day >= (now() at time zone 'UTC')::date then excluded.followers else a.followers end;
  get diagnostics n = row_count;
  return n;
end;
$$;

--
-- Name: FUNCTION refresh_user_analytics(day date); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.refresh_user_analytics(day date) IS 'Recompute user_analytics for one UTC day from the logs (idempotent); the hourly roll-up job runs it for today and yesterday.';

--
-- Name: request_ip(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.request_ip() RETURNS inet
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select nullif(current_setting('request.ip', true), '')::inet $$;

--
-- Name: FUNCTION request_ip(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.request_ip() IS 'The client IP of the current request, set by the server (request.ip).';

--
-- Name: require_admin(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.require_admin() RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  -- Requests only (jobs run as the owner): LOGIN when signed out, DNIED unless an admin.
  perform app_private.require_user();
  if not auth.is_admin() then
    raise exception 'Only admins may do this' using errcode = 'DNIED';
  end if;
end;
$$;

--
-- Name: FUNCTION require_admin(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.require_admin() IS 'Refuses anyone but an admin: LOGIN when signed out, DNIED otherwise. Call it before looking at the arguments.';

--
-- Name: require_jobs_or_admin(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.require_jobs_or_admin() RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if auth.role() in ('anon', 'authenticated') then
    perform app_private.require_user();
    if not auth.is_admin() then
      raise exception 'Only jobs, the service role or an admin may do this' using errcode = 'DNIED';
    end if;
  end if;
end;
$$;

--
-- Name: require_moderator(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.require_moderator() RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  -- Jobs and SQL run as the owner (no request role) and service_role are the system; requests must be staff.
  if auth.role() in ('anon', 'authenticated') then
    perform app_private.require_user();
    if not auth.is_moderator() then
      raise exception 'Only moderators and admins may do this' using errcode = 'DNIED';
    end if;
  end if;
end;
$$;

--
-- Name: require_money_operator(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.require_money_operator() RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  -- The worker and SQL jobs run as the owner (no request role); requests must be service_role or an admin.
  if auth.role() in ('anon', 'authenticated') then
    perform app_private.require_user();
    if not auth.is_admin() then
      raise exception 'Only the payment system or an admin may change sponsor credits' using errcode = 'DNIED';
    end if;
  end if;
end;
$$;

--
-- Name: require_staff(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.require_staff() RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  -- Jobs run as the owner (no request role); requests must be service_role or a moderator/admin.
  if auth.role() in ('anon', 'authenticated') then
    perform app_private.require_user();
    if not auth.is_moderator() then
      raise exception 'Staff only' using errcode = 'DNIED';
    end if;
  end if;
end;
$$;

--
-- Name: require_user(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.require_user() RETURNS uuid
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := auth.uid();
begin
  if me is null then
    raise exception 'You must be signed in' using errcode = 'LOGIN';
  end if;
  return me;
end;
$$;

--
-- Name: FUNCTION require_user(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.require_user() IS 'The signed-in user''s id; LOGIN when signed out. Call it first, before any check that compares with the user''s id (a comparison with null is null).';

--
-- Name: require_visible_post(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.require_visible_post(post_id uuid) RETURNS app_public.posts
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  p app_public.posts;
begin
  select * into p from app_public.posts where id = post_id;
  if not found or not app_hidden.can_see_post(auth.uid(), post_id) or p.deleted_at is not null then
    raise exception 'No such post' using errcode = 'NTFND';
  end if;
  return p;
end;
$$;

--
-- Name: setting(text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.setting(key text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select s.value from app_private.settings s where s.key = setting.key $$;

--
-- Name: sponsored_posts; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.sponsored_posts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    sponsor_id uuid NOT NULL,
    post_id uuid NOT NULL,
    placements app_public.sponsored_placement[] DEFAULT '{home,explore}'::app_public.sponsored_placement[] NOT NULL,
    target_categories text[] DEFAULT '{}'::text[] NOT NULL,
    target_markets text[] DEFAULT '{}'::text[] NOT NULL,
    target_countries text[] DEFAULT '{}'::text[] NOT NULL,
    target_age_bands app_public.age_band[] DEFAULT '{}'::app_public.age_band[] NOT NULL,
    cost_per_impression app_public.money NOT NULL,
    cost_per_like app_public.money NOT NULL,
    budget app_public.money,
    spent app_public.money DEFAULT 0 NOT NULL,
    impressions_count integer DEFAULT 0 NOT NULL,
    likes_count integer DEFAULT 0 NOT NULL,
    status app_public.sponsored_post_status DEFAULT 'active'::app_public.sponsored_post_status NOT NULL,
    paused_reason app_public.sponsored_pause_reason,
    paused_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT _target_categories_length CHECK (app_private.check_length((target_categories)::text, 2000, 'Target categories'::text)),
    CONSTRAINT _target_countries_length CHECK (app_private.check_length((target_countries)::text, 2000, 'Target countries'::text)),
    CONSTRAINT _target_markets_length CHECK (app_private.check_length((target_markets)::text, 2000, 'Target markets'::text)),
    CONSTRAINT sponsored_posts_budget_check CHECK (((budget)::numeric > (0)::numeric)),
    CONSTRAINT sponsored_posts_check CHECK ((((cost_per_impression)::numeric > (0)::numeric) OR ((cost_per_like)::numeric > (0)::numeric))),
    CONSTRAINT sponsored_posts_check1 CHECK (((status = 'paused'::app_public.sponsored_post_status) = (paused_reason IS NOT NULL))),
    CONSTRAINT sponsored_posts_cost_per_impression_check CHECK (((cost_per_impression)::numeric >= (0)::numeric)),
    CONSTRAINT sponsored_posts_cost_per_like_check CHECK (((cost_per_like)::numeric >= (0)::numeric)),
    CONSTRAINT sponsored_posts_impressions_count_check CHECK ((impressions_count >= 0)),
    CONSTRAINT sponsored_posts_likes_count_check CHECK ((likes_count >= 0)),
    CONSTRAINT sponsored_posts_placements_check CHECK ((cardinality(placements) > 0)),
    CONSTRAINT sponsored_posts_spent_check CHECK (((spent)::numeric >= (0)::numeric)),
    CONSTRAINT sponsored_posts_target_countries_check CHECK ((array_to_string(target_countries, ','::text) ~ '^([A-Z]{2}(,|$))*$'::text))
);

--
-- Name: TABLE sponsored_posts; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.sponsored_posts IS '@signedInOnly
Campaigns: a sponsor pays for one of their own posts to be shown to targeted viewers. The sponsor and staff see them. Create with `createSponsoredPost`.';

--
-- Name: COLUMN sponsored_posts.id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_posts.id IS 'The campaign''s id.';

--
-- Name: COLUMN sponsored_posts.sponsor_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_posts.sponsor_id IS 'The sponsor (the post''s author), whose credits pay.';

--
-- Name: COLUMN sponsored_posts.post_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_posts.post_id IS 'The post promoted (one campaign per post).';

--
-- Name: COLUMN sponsored_posts.placements; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_posts.placements IS 'Where it is shown: home, explore, or both.';

--
-- Name: COLUMN sponsored_posts.target_categories; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_posts.target_categories IS 'Shown to viewers interested in one of these categories; empty: any.';

--
-- Name: COLUMN sponsored_posts.target_markets; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_posts.target_markets IS 'Shown to viewers interested in one of these markets; empty: any.';

--
-- Name: COLUMN sponsored_posts.target_countries; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_posts.target_countries IS 'Shown to viewers in one of these countries (ISO 3166-1 alpha-2); empty: any.';

--
-- Name: COLUMN sponsored_posts.target_age_bands; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_posts.target_age_bands IS 'Shown to viewers in one of these age bands; empty: any (viewers without a birth date match only this).';

--
-- Name: COLUMN sponsored_posts.cost_per_impression; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_posts.cost_per_impression IS 'Credits charged per impression (once per viewer per UTC day).';

--
-- Name: COLUMN sponsored_posts.cost_per_like; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_posts.cost_per_like IS 'Credits charged per like by a viewer who saw it (once per viewer).';

--
-- Name: COLUMN sponsored_posts.budget; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_posts.budget IS 'The most this campaign may spend in all; null: no limit but the credits.';

--
-- Name: COLUMN sponsored_posts.spent; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_posts.spent IS 'Credits charged so far.';

--
-- Name: COLUMN sponsored_posts.impressions_count; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_posts.impressions_count IS 'Impressions charged.';

--
-- Name: COLUMN sponsored_posts.likes_count; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_posts.likes_count IS 'Likes charged.';

--
-- Name: COLUMN sponsored_posts.status; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_posts.status IS 'active (served) or paused.';

--
-- Name: COLUMN sponsored_posts.paused_reason; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_posts.paused_reason IS 'Why it is paused: sponsor, funds or budget.';

--
-- Name: COLUMN sponsored_posts.paused_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_posts.paused_at IS 'When it was paused.';

--
-- Name: COLUMN sponsored_posts.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_posts.created_at IS 'When the campaign was created.';

--
-- Name: COLUMN sponsored_posts.updated_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsored_posts.updated_at IS 'When it last changed.';

--
-- Name: sponsored_candidates(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.sponsored_candidates(viewer uuid) RETURNS SETOF app_public.sponsored_posts
    LANGUAGE sql STABLE
    AS $$
  select s.*
    from app_public.user_settings u
    join app_public.sponsored_posts s on s.sponsor_id <> u.user_id
    join app_public.posts p on p.id = s.post_id
    join app_public.profiles a on a.id = s.sponsor_id
   where u.user_id = viewer
     and p.deleted_at is null and not p.is_demonetized
     and not (a.suspended_at is not null and coalesce(a.suspended_until > now(), true))
     and not exists (select 1 from app_public.mutes m
                      where m.muter_id = viewer and m.muted_id = s.sponsor_id and (m.expires_at is null or m.expires_at > now()))
     and (cardinality(s.target_categories) = 0 or s.target_categories && u.interest_categories)
     and (cardinality(s.target_markets) = 0 or s.target_markets && u.interest_markets)
     and (cardinality(s.target_countries) = 0 or u.country = any (s.target_countries))
     and (cardinality(s.target_age_bands) = 0
          or app_private.age_band(u.birth_date, (now() at time zone 'utc')::date) = any (s.target_age_bands))
$$;

--
-- Name: FUNCTION sponsored_candidates(viewer uuid); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.sponsored_candidates(viewer uuid) IS 'The campaigns that target the viewer (any status): not their own, post live and not demonetized, sponsor not suspended nor muted, every targeting list matching. Callers check can_see_post last.';

--
-- Name: sponsored_next_charge(app_public.sponsored_posts); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.sponsored_next_charge(s app_public.sponsored_posts) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$ select greatest(s.cost_per_impression, s.cost_per_like) $$;

--
-- Name: sponsored_post_fundable(app_public.sponsored_posts, numeric); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.sponsored_post_fundable(s app_public.sponsored_posts, balance numeric) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$
  select coalesce(balance, 0) >= app_private.sponsored_next_charge(s)
     and (s.budget is null or s.spent + app_private.sponsored_next_charge(s) <= s.budget)
$$;

--
-- Name: FUNCTION sponsored_post_fundable(s app_public.sponsored_posts, balance numeric); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.sponsored_post_fundable(s app_public.sponsored_posts, balance numeric) IS 'Whether the campaign can pay its next charge from this balance and within its budget.';

--
-- Name: tg__refuse_suspended(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg__refuse_suspended() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if app_private.is_suspended((to_jsonb(new) ->> tg_argv[0])::uuid) then
    raise exception 'Your account is suspended' using errcode = 'DNIED';
  end if;
  return new;
end;
$$;

--
-- Name: FUNCTION tg__refuse_suspended(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.tg__refuse_suspended() IS 'Refuses a write by a suspended account; the argument names the column holding the account (author_id, user_id, …).';

--
-- Name: tg__timestamps(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg__timestamps() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
  new.created_at := case when tg_op = 'INSERT' then now() else old.created_at end;
  new.updated_at := case when tg_op = 'UPDATE' and old.updated_at >= now() then old.updated_at + interval '1 millisecond' else now() end;
  return new;
end;
$$;

--
-- Name: FUNCTION tg__timestamps(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.tg__timestamps() IS 'Sets created_at on insert and a strictly increasing updated_at on every write.';

--
-- Name: tg_comment_mentions__notify(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_comment_mentions__notify() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if not exists (select 1 from app_public.notifications n where n.recipient_id = new.mentioned_id and n.comment_id = new.comment_id) then
    perform app_private.notify(new.mentioned_id, 'mention', c.author_id, c.post_id, c.id) from app_public.comments c where c.id = new.comment_id;
  end if;
  return null;
end;
$$;

--
-- Name: tg_comments__after(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_comments__after() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
begin
  if tg_op = 'INSERT' then
    update app_public.posts set comments_count = comments_count + 1 where id = new.post_id;
  elsif old.deleted_at is null and new.deleted_at is not null then
    update app_public.posts set comments_count = comments_count - 1 where id = new.post_id;
  end if;
  if tg_op = 'INSERT' or new.body is distinct from old.body then
    delete from app_public.comment_mentions where comment_id = new.id;
    insert into app_public.comment_mentions (comment_id, mentioned_id)
      select new.id, p.id from app_public.profiles p
       where p.handle = any (app_private.extract_mentions(new.body)::citext[]) and p.id <> new.author_id;
  end if;
  return null;
end;
$$;

--
-- Name: tg_comments__notify(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_comments__notify() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  post_author uuid := (select p.author_id from app_public.posts p where p.id = new.post_id);
  parent_author uuid := (select c.author_id from app_public.comments c where c.id = new.parent_id);
begin
  if parent_author is not null then
    perform app_private.notify(parent_author, 'reply', new.author_id, new.post_id, new.id);
  end if;
  if parent_author is distinct from post_author then
    perform app_private.notify(post_author, 'comment', new.author_id, new.post_id, new.id);
  end if;
  return null;
end;
$$;

--
-- Name: tg_comments__validate(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_comments__validate() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  max_length integer := app_private.setting('comment_max_length')::integer;
begin
  -- A post you may not see is not there for you (the insert policy would only say "permission denied").
  if tg_op = 'INSERT' and auth.uid() is not null and not app_hidden.can_see_post(auth.uid(), new.post_id) then
    raise exception 'No such post' using errcode = 'NTFND';
  end if;
  new.body := btrim(new.body);
  if new.body = '' then
    raise exception 'A comment needs some text' using errcode = 'INVAL';
  end if;
  if char_length(new.body) > max_length then
    raise exception 'A comment can be at most % characters', max_length using errcode = 'INVAL';
  end if;
  if tg_op = 'INSERT' and new.parent_id is not null
     and not exists (select 1 from app_public.comments c where c.id = new.parent_id and c.post_id = new.post_id and c.deleted_at is null) then
    raise exception 'You can only reply to a comment on the same post' using errcode = 'INVAL';
  end if;
  return new;
end;
$$;

--
-- Name: tg_followers__count(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_followers__count() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if tg_op = 'INSERT' and new.status = 'approved' then
    perform app_private.count_follow(new.follower_id, new.following_id, 1);
  elsif tg_op = 'UPDATE' and old.status = 'pending' and new.status = 'approved' then
    perform app_private.count_follow(new.follower_id, new.following_id, 1);
  elsif tg_op = 'DELETE' and old.status = 'approved' then
    perform app_private.count_follow(old.follower_id, old.following_id, -1);
  end if;
  return null;
end;
$$;

--
-- Name: tg_followers__home_feed_changed(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_followers__home_feed_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  who uuid;
begin
  if tg_op = 'INSERT' and new.status = 'approved' then
    who := new.follower_id;
  elsif tg_op = 'UPDATE' and old.status is distinct from new.status then
    who := new.follower_id;
  elsif tg_op = 'DELETE' and old.status = 'approved' then
    who := old.follower_id;
  else
    return null;
  end if;
  insert into app_private.home_feed_versions as v (user_id) values (who)
  on conflict (user_id) do update set version = v.version + 1;
  perform app_private.add_job('feed__invalidate', json_build_object('user_id', who), job_key := 'feed__invalidate:' || who);
  return null;
end;
$$;

--
-- Name: tg_followers__notify(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_followers__notify() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if tg_op = 'INSERT' then
    perform app_private.notify(new.following_id,
      case when new.status = 'pending' then 'follow_request' else 'follow' end::app_public.notification_type, new.follower_id);
  elsif tg_op = 'UPDATE' and old.status = 'pending' and new.status = 'approved' then
    perform app_private.notify(new.follower_id, 'follow_approved', new.following_id);
  end if;
  -- A request answered or withdrawn is no longer news.
  if tg_op = 'DELETE' and old.status = 'pending' or tg_op = 'UPDATE' and new.status = 'approved' then
    delete from app_public.notifications n
     where n.recipient_id = old.following_id and n.type = 'follow_request' and n.actor_id = old.follower_id;
  end if;
  return null;
end;
$$;

--
-- Name: tg_likes__charge_sponsored(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_likes__charge_sponsored() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  campaign uuid;
begin
  select s.id into campaign from app_public.sponsored_posts s
   where s.post_id = new.post_id and s.status = 'active'
     and exists (select 1 from app_public.sponsored_interactions i
                  where i.sponsored_post_id = s.id and i.viewer_id = new.user_id and i.kind = 'impression');
  if campaign is not null then
    perform app_private.charge_sponsored_interaction(campaign, new.user_id, 'like');
  end if;
  return null;
end;
$$;

--
-- Name: tg_likes__count(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_likes__count() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if tg_op = 'INSERT' then
    update app_public.posts set likes_count = likes_count + 1 where id = new.post_id;
    insert into app_private.post_like_logs (post_id, user_id, action) values (new.post_id, new.user_id, 'like');
  else
    update app_public.posts set likes_count = likes_count - 1 where id = old.post_id;
    insert into app_private.post_like_logs (post_id, user_id, action) values (old.post_id, old.user_id, 'unlike');
  end if;
  return null;
end;
$$;

--
-- Name: tg_likes__notify(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_likes__notify() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app_private.notify(p.author_id, 'like', new.user_id, new.post_id) from app_public.posts p where p.id = new.post_id;
  return null;
end;
$$;

--
-- Name: tg_mail_outbox__queue(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_mail_outbox__queue() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app_private.add_job('mail__send', json_build_object('id', new.id), max_attempts := 10);
  return new;
end;
$$;

--
-- Name: tg_messages__created(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_messages__created() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform pg_notify('messages:' || p.user_id,
                    json_build_object('event', 'message_created', 'conversation_id', new.conversation_id, 'message_id', new.id)::text)
     from app_public.conversation_participants p where p.conversation_id = new.conversation_id;
  perform app_private.notify(p.user_id, 'message', new.sender_id,
                             data := jsonb_build_object('conversation_id', new.conversation_id, 'message_id', new.id))
     from app_public.conversation_participants p where p.conversation_id = new.conversation_id and p.user_id <> new.sender_id;
  return null;
end;
$$;

--
-- Name: tg_moderation_actions__not_own(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_moderation_actions__not_own() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if new.actor_id is not null
     and (new.actor_id = new.target_user_id
          or exists (select 1 from app_public.posts p where p.id = new.post_id and p.author_id = new.actor_id)) then
    raise exception 'Staff may not act on their own account or posts' using errcode = 'DNIED';
  end if;
  return new;
end;
$$;

--
-- Name: tg_post_media__videos(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_post_media__videos() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if tg_op = 'INSERT' and new.media_type = 'video' then
    insert into app_public.user_videos (post_id, user_id)
    select p.id, p.author_id from app_public.posts p where p.id = new.post_id
    on conflict do nothing;
  elsif tg_op = 'DELETE' and old.media_type = 'video'
        and not exists (select 1 from app_public.post_media m where m.post_id = old.post_id and m.media_type = 'video') then
    delete from app_public.user_videos where post_id = old.post_id;
  end if;
  return null;
end;
$$;

--
-- Name: tg_post_mentions__notify(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_post_mentions__notify() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if not exists (select 1 from app_public.notifications n
                  where n.recipient_id = new.mentioned_id and n.type = 'mention' and n.post_id = new.post_id and n.comment_id is null) then
    perform app_private.notify(new.mentioned_id, 'mention', p.author_id, new.post_id) from app_public.posts p where p.id = new.post_id;
  end if;
  return null;
end;
$$;

--
-- Name: tg_post_reports__demonetize(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_post_reports__demonetize() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app_private.demonetize_post_if_reported(new.post_id);
  return null;
end;
$$;

--
-- Name: tg_posts__count(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_posts__count() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if tg_op = 'INSERT' then
    update app_public.profiles set posts_count = posts_count + 1 where id = new.author_id;
  elsif tg_op = 'UPDATE' and old.deleted_at is null and new.deleted_at is not null then
    update app_public.profiles set posts_count = posts_count - 1 where id = new.author_id;
  elsif tg_op = 'UPDATE' and old.deleted_at is not null and new.deleted_at is null then
    update app_public.profiles set posts_count = posts_count + 1 where id = new.author_id;
  end if;
  return null;
end;
$$;

--
-- Name: tg_posts__extract(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_posts__extract() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  tags text[] := app_private.extract_hashtags(new.body);
begin
  delete from app_public.post_hashtags where post_id = new.id;
  delete from app_public.post_mentions where post_id = new.id;
  if cardinality(tags) > 0 then
    insert into app_public.hashtags (tag) select unnest(tags) on conflict (tag) do nothing;
    insert into app_public.post_hashtags (post_id, hashtag_id, created_at)
      select new.id, h.id, new.created_at from app_public.hashtags h where h.tag = any (tags::citext[]);
  end if;
  insert into app_public.post_mentions (post_id, mentioned_id)
    select new.id, p.id from app_public.profiles p
     where p.handle = any (app_private.extract_mentions(new.body)::citext[]) and p.id <> new.author_id;
  return null;
end;
$$;

--
-- Name: tg_posts__fan_out(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_posts__fan_out() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app_private.add_job('feed__fan_out', json_build_object('post_id', new.id));
  return null;
end;
$$;

--
-- Name: tg_posts__keep_history(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_posts__keep_history() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  insert into app_public.post_edits (post_id, body, audience, metadata) values (old.id, old.body, old.audience, old.metadata);
  return null;
end;
$$;

--
-- Name: tg_posts__validate(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_posts__validate() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  max_length integer := app_private.setting('post_max_length')::integer;
begin
  new.body := btrim(new.body);
  if char_length(new.body) > max_length then
    raise exception 'A post can be at most % characters (this one has %)', max_length, char_length(new.body) using errcode = 'INVAL';
  end if;
  if tg_op = 'INSERT' and new.body = '' then
    raise exception 'A post needs some text' using errcode = 'INVAL';
  end if;
  if tg_op = 'UPDATE' and new.body = '' and old.body <> '' then
    raise exception 'A post needs some text' using errcode = 'INVAL';
  end if;
  if tg_op = 'UPDATE' and (new.body, new.audience, new.metadata) is distinct from (old.body, old.audience, old.metadata) then
    new.edited_at := now();
  end if;
  return new;
end;
$$;

--
-- Name: tg_profile_likes__count(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_profile_likes__count() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if tg_op = 'INSERT' then
    update app_public.profiles set profile_likes_count = profile_likes_count + 1 where id = new.profile_id;
    insert into app_private.profile_like_logs (profile_id, liker_id, action) values (new.profile_id, new.liker_id, 'like');
  else
    update app_public.profiles set profile_likes_count = profile_likes_count - 1 where id = old.profile_id;
    insert into app_private.profile_like_logs (profile_id, liker_id, action) values (old.profile_id, old.liker_id, 'unlike');
  end if;
  return null;
end;
$$;

--
-- Name: tg_profiles__check_handle(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_profiles__check_handle() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if app_private.is_reserved_handle(new.handle::text) then
    raise exception 'The handle "%" is reserved', new.handle using errcode = 'INVAL';
  end if;
  return new;
end;
$$;

--
-- Name: tg_profiles__create_rows(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_profiles__create_rows() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  insert into app_public.profile_details (profile_id) values (new.id);
  insert into app_public.user_settings (user_id) values (new.id);
  return new;
end;
$$;

--
-- Name: tg_profiles__feed_pull(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_profiles__feed_pull() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  insert into app_private.feed_pull_authors (author_id) values (new.id) on conflict (author_id) do nothing;
  return null;
end;
$$;

--
-- Name: tg_profiles__privacy_change(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_profiles__privacy_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  update app_public.followers set status = 'approved', approved_at = now()
   where following_id = new.id and status = 'pending';
  return null;
end;
$$;

--
-- Name: tg_reposts__count(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_reposts__count() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if tg_op = 'INSERT' then
    update app_public.posts set reposts_count = reposts_count + 1 where id = new.post_id;
  else
    update app_public.posts set reposts_count = reposts_count - 1 where id = old.post_id;
  end if;
  return null;
end;
$$;

--
-- Name: tg_reposts__fan_out(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_reposts__fan_out() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app_private.add_job('feed__fan_out', json_build_object('post_id', new.post_id, 'reposted_by', new.user_id));
  return null;
end;
$$;

--
-- Name: tg_reposts__notify(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_reposts__notify() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app_private.notify(p.author_id, 'repost', new.user_id, new.post_id) from app_public.posts p where p.id = new.post_id;
  return null;
end;
$$;

--
-- Name: tg_sponsor_credit_transactions__resume_campaigns(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_sponsor_credit_transactions__resume_campaigns() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  update app_public.sponsored_posts s set status = 'active', paused_reason = null, paused_at = null
   where s.sponsor_id = new.sponsor_id and s.status = 'paused' and s.paused_reason = 'funds'
     and app_private.sponsored_post_fundable(s, new.balance_after);
  return null;
end;
$$;

--
-- Name: tg_sponsored_posts__money_scale(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_sponsored_posts__money_scale() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  new.cost_per_impression := round(new.cost_per_impression, 4);
  new.cost_per_like := round(new.cost_per_like, 4);
  new.budget := round(new.budget, 4);
  new.spent := round(new.spent, 4);
  return new;
end;
$$;

--
-- Name: tg_sponsored_posts__notify(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_sponsored_posts__notify() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app_private.notify(new.sponsor_id, 'money', null, null, null,
            jsonb_build_object('event', 'campaign_paused', 'reason', new.paused_reason, 'sponsored_post_id', new.id, 'post_id', new.post_id));
  return null;
end;
$$;

--
-- Name: tg_user_cheat_status__not_own(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_user_cheat_status__not_own() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if new.cleared_by = new.user_id then
    raise exception 'Staff may not clear their own cheat flag' using errcode = 'DNIED';
  end if;
  return new;
end;
$$;

--
-- Name: tg_users__create_profile(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_users__create_profile() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  display_name text := nullif(left(btrim(new.raw_user_meta_data ->> 'display_name'), 50), '');
begin
  insert into app_public.profiles (id, handle, display_name)
  values (new.id, app_private.derive_handle(display_name), display_name);
  return new;
end;
$$;

--
-- Name: tg_video_revenue__notify(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_video_revenue__notify() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app_private.notify(r.user_id, 'money', null, null, null,
            jsonb_build_object('event', 'revenue_calculated', 'month', r.month, 'amount', r.amount, 'videos', r.videos))
     from (select n.user_id, n.month, sum(n.amount) as amount, count(*) as videos
             from new_rows n group by n.user_id, n.month) r;
  return null;
end;
$$;

--
-- Name: tg_withdrawal_requests__not_own(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_withdrawal_requests__not_own() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if new.reviewed_by = new.user_id then
    raise exception 'Staff may not move their own withdrawals' using errcode = 'DNIED';
  end if;
  return new;
end;
$$;

--
-- Name: tg_withdrawal_requests__notify(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.tg_withdrawal_requests__notify() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app_private.notify(new.user_id, 'money', null, null, null,
            jsonb_build_object('event', 'withdrawal_' || new.status, 'withdrawal_id', new.id, 'amount', new.amount, 'note', new.note));
  return null;
end;
$$;

--
-- Name: touch_activity(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.touch_activity(user_id uuid) RETURNS void
    LANGUAGE sql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  insert into app_private.user_activity as a (user_id)
  select p.id from app_public.profiles p where p.id = touch_activity.user_id
  on conflict (user_id) do update set last_active_at = now()
   where a.last_active_at < now() - interval '1 minute'
$$;

--
-- Name: FUNCTION touch_activity(user_id uuid); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.touch_activity(user_id uuid) IS 'Record that the user is active now (at most one write a minute).';

--
-- Name: update_cheat_statuses(timestamp with time zone); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.update_cheat_statuses(since timestamp with time zone) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  flagged integer := 0;
  u uuid;
begin
  for u in
    select l.author_id from app_private.post_view_logs l where l.viewed_at >= since
    union
    select p.author_id from app_private.post_like_logs l join app_public.posts p on p.id = l.post_id where l.created_at >= since
  loop
    if (app_public.update_user_cheat_status(u)).is_flagged then
      flagged := flagged + 1;
    end if;
  end loop;
  return flagged;
end;
$$;

--
-- Name: FUNCTION update_cheat_statuses(since timestamp with time zone); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.update_cheat_statuses(since timestamp with time zone) IS 'Check every account active since `since`; returns how many are flagged.';

--
-- Name: utc_today(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.utc_today() RETURNS date
    LANGUAGE sql STABLE
    AS $$ select (now() at time zone 'utc')::date $$;

--
-- Name: view_events(jsonb); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.view_events(events jsonb) RETURNS TABLE(post_id uuid, viewer_id uuid, ip inet, at timestamp with time zone, viewer_key text, nth bigint)
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select x.post_id, x.viewer_id, x.ip, x.at, coalesce(x.viewer_id::text, app_private.anonymous_viewer_key(x.ip)),
         row_number() over (partition by x.post_id, coalesce(x.viewer_id::text, app_private.anonymous_viewer_key(x.ip)) order by x.at)
    from jsonb_to_recordset(events) as x(post_id uuid, viewer_id uuid, ip inet, at timestamptz)
   where x.post_id is not null and x.at is not null and (x.viewer_id is not null or x.ip is not null)
$$;

--
-- Name: viewer_block_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.viewer_block_ids() RETURNS uuid[]
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select coalesce(array_agg(id), '{}') from (
    select blocked_id as id from app_public.blocked_users where blocker_id = auth.uid()
    union
    select blocker_id from app_public.blocked_users where blocked_id = auth.uid()
  ) b
$$;

--
-- Name: viewer_conversation_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.viewer_conversation_ids() RETURNS uuid[]
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select coalesce(array_agg(p.conversation_id), '{}')
    from app_public.conversation_participants p join app_public.conversations c on c.id = p.conversation_id
   where p.user_id = auth.uid() and (p.cleared_at is null or c.last_message_at > p.cleared_at)
$$;

--
-- Name: FUNCTION viewer_conversation_ids(); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.viewer_conversation_ids() IS 'The current user''s conversations (not cleared since their last message), for the policies.';

--
-- Name: viewer_follower_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.viewer_follower_ids() RETURNS uuid[]
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select coalesce(array_agg(follower_id), '{}') from app_public.followers
   where following_id = auth.uid() and status = 'approved'
$$;

--
-- Name: viewer_following_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.viewer_following_ids() RETURNS uuid[]
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select coalesce(array_agg(following_id), '{}') from app_public.followers
   where follower_id = auth.uid() and status = 'approved'
$$;

--
-- Name: viewer_mute_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.viewer_mute_ids() RETURNS uuid[]
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select coalesce(array_agg(muted_id), '{}') from app_public.mutes
   where muter_id = auth.uid() and (expires_at is null or expires_at > now())
$$;

--
-- Name: visible_entries(uuid, app_public.feed_entry[]); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.visible_entries(viewer uuid, entries app_public.feed_entry[]) RETURNS SETOF app_public.feed_entry
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  with facts as (
    -- The viewer's own follows and blocks, once.
    select coalesce((select array_agg(f.following_id) from app_public.followers f
                      where f.follower_id = viewer and f.status = 'approved'), '{}') as following,
           coalesce((select array_agg(b.blocked_id) from app_public.blocked_users b where b.blocker_id = viewer), '{}')
        || coalesce((select array_agg(b.blocker_id) from app_public.blocked_users b where b.blocked_id = viewer), '{}') as blocks
  )
  select e.post_id, e.reposted_by_id, e.feed_at, app_private.feed_cursor(e.feed_at, e.post_id, e.reposted_by_id)
    from facts, unnest(entries) with ordinality as e(post_id, reposted_by_id, feed_at, cursor, ord)
    join app_public.posts p on p.id = e.post_id
    join app_public.profiles a on a.id = p.author_id
   where p.deleted_at is null
     and app_private.post_visible(
           viewer, p.author_id, p.audience, a.is_private, p.is_paid,
           case when p.author_id = any (facts.following)
                then case when exists (select 1 from app_public.followers f
                                        where f.follower_id = p.author_id and f.following_id = viewer and f.status = 'approved')
                          then 2 else 1 end
                else 0 end,
           p.author_id = any (facts.blocks))
   order by e.ord
$$;

--
-- Name: FUNCTION visible_entries(viewer uuid, entries app_public.feed_entry[]); Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON FUNCTION app_private.visible_entries(viewer uuid, entries app_public.feed_entry[]) IS 'The entries (in order) whose post the viewer may see, by the one visibility rule.';

--
-- Name: worker_heartbeat(text, text, integer, timestamp with time zone); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.worker_heartbeat(worker_id text, hostname text, pid integer, started_at timestamp with time zone) RETURNS void
    LANGUAGE sql
    AS $$
  insert into app_private.worker_heartbeats as h (worker_id, hostname, pid, started_at, last_seen_at)
  values (worker_id, hostname, pid, started_at, now())
  on conflict (worker_id) do update set last_seen_at = now();
  -- Forget workers silent for a day.
  delete from app_private.worker_heartbeats where last_seen_at < now() - interval '1 day';
$$;

--
-- Name: add_sponsor_credits(uuid, app_public.money, text, text); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.add_sponsor_credits(sponsor_id uuid, amount app_public.money, idempotency_key text, reason text DEFAULT NULL::text) RETURNS numeric
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app_private.require_money_operator();
  perform app_public.get_or_create_sponsor_credits(sponsor_id);
  return (app_private.apply_sponsor_credit_change(sponsor_id, 'add', amount, idempotency_key, reason)).balance_after;
end;
$$;

--
-- Name: FUNCTION add_sponsor_credits(sponsor_id uuid, amount app_public.money, idempotency_key text, reason text); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.add_sponsor_credits(sponsor_id uuid, amount app_public.money, idempotency_key text, reason text) IS 'Payment system or admin: add credits, at most once per idempotency key; returns the balance after this change (for a repeated key, the balance the first call left).';

--
-- Name: followers; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.followers (
    follower_id uuid NOT NULL,
    following_id uuid NOT NULL,
    status app_public.follow_status DEFAULT 'approved'::app_public.follow_status NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    approved_at timestamp with time zone,
    CONSTRAINT followers_check CHECK ((follower_id <> following_id))
);

--
-- Name: TABLE followers; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.followers IS '@behavior -query:resource:connection -query:resource:list -query:resource:single
Who follows whom; pending rows are follow requests. Change through follow/unfollow and the request mutations.';

--
-- Name: COLUMN followers.follower_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.followers.follower_id IS 'The follower.';

--
-- Name: COLUMN followers.following_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.followers.following_id IS 'The account followed.';

--
-- Name: COLUMN followers.status; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.followers.status IS 'pending (a request to a private account) or approved.';

--
-- Name: COLUMN followers.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.followers.created_at IS 'When the follow (or request) was made.';

--
-- Name: COLUMN followers.approved_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.followers.approved_at IS 'When it was approved.';

--
-- Name: approve_follow_request(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.approve_follow_request(follower_id uuid) RETURNS app_public.followers
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  row app_public.followers;
begin
  update app_public.followers f set status = 'approved', approved_at = now()
   where f.follower_id = approve_follow_request.follower_id and f.following_id = me and f.status = 'pending'
  returning * into row;
  if row is null then
    raise exception 'No such follow request' using errcode = 'NTFND';
  end if;
  return row;
end;
$$;

--
-- Name: FUNCTION approve_follow_request(follower_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.approve_follow_request(follower_id uuid) IS 'Approve a request to follow you.';

--
-- Name: approve_withdrawal(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.approve_withdrawal(request_id uuid) RETURNS app_public.withdrawal_requests
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select app_private.move_withdrawal(request_id, '{pending}', 'approved', null) $$;

--
-- Name: FUNCTION approve_withdrawal(request_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.approve_withdrawal(request_id uuid) IS 'Admins: approve a pending withdrawal.';

--
-- Name: blocked_users; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.blocked_users (
    blocker_id uuid NOT NULL,
    blocked_id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT blocked_users_check CHECK ((blocker_id <> blocked_id))
);

--
-- Name: TABLE blocked_users; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.blocked_users IS '@signedInOnly
Blocks. Each side is hidden from the other everywhere; only the blocker sees the row.';

--
-- Name: COLUMN blocked_users.blocker_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.blocked_users.blocker_id IS 'Who blocked.';

--
-- Name: COLUMN blocked_users.blocked_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.blocked_users.blocked_id IS 'Who is blocked.';

--
-- Name: COLUMN blocked_users.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.blocked_users.created_at IS 'When.';

--
-- Name: block_user(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.block_user(target_id uuid) RETURNS app_public.blocked_users
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  row app_public.blocked_users;
begin
  if target_id = me then
    raise exception 'You cannot block yourself' using errcode = 'INVAL';
  end if;
  if not exists (select 1 from app_public.profiles where id = target_id) then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  insert into app_public.blocked_users (blocker_id, blocked_id) values (me, target_id)
  on conflict do nothing returning * into row;
  if row is null then
    select * into row from app_public.blocked_users where blocker_id = me and blocked_id = target_id;
  end if;
  -- A block ends follows and requests both ways.
  delete from app_public.followers
   where (follower_id = me and following_id = target_id) or (follower_id = target_id and following_id = me);
  return row;
end;
$$;

--
-- Name: FUNCTION block_user(target_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.block_user(target_id uuid) IS 'Block an account: follows and follow requests between you end, and each of you disappears for the other.';

--
-- Name: bookmarks; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.bookmarks (
    user_id uuid NOT NULL,
    post_id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE bookmarks; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.bookmarks IS '@signedInOnly
Your saved posts; nobody else sees them.';

--
-- Name: COLUMN bookmarks.user_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.bookmarks.user_id IS 'Whose bookmark.';

--
-- Name: COLUMN bookmarks.post_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.bookmarks.post_id IS 'The post saved.';

--
-- Name: COLUMN bookmarks.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.bookmarks.created_at IS 'When saved.';

--
-- Name: bookmark_post(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.bookmark_post(post_id uuid) RETURNS app_public.bookmarks
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  p app_public.posts := app_private.require_visible_post(post_id);
  row app_public.bookmarks;
begin
  insert into app_public.bookmarks (user_id, post_id) values (me, p.id)
  on conflict on constraint bookmarks_pkey do update set created_at = app_public.bookmarks.created_at
  returning * into row;
  return row;
end;
$$;

--
-- Name: FUNCTION bookmark_post(post_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.bookmark_post(post_id uuid) IS 'Save a post you can see.';

--
-- Name: calculate_monthly_revenue(date); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.calculate_monthly_revenue(month date) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  m date := date_trunc('month', month)::date;
  from_ts timestamptz := m::timestamp at time zone 'UTC';
  to_ts timestamptz := (m + interval '1 month')::timestamp at time zone 'UTC';
  per_like numeric := app_private.setting('revenue_per_like')::numeric;
  per_view numeric := app_private.setting('revenue_per_view')::numeric;
  n integer;
begin
  perform app_private.require_jobs_or_admin();
  if m is null or to_ts > now() then
    raise exception 'Revenue is calculated for a month that has ended' using errcode = 'INVAL';
  end if;
  -- Once per month: a second run (or a concurrent one, once the first commits) finds the row.
  insert into app_private.revenue_months (month) values (m) on conflict do nothing;
  if not found then
    return 0;
  end if;
  with videos as (
    select v.post_id, v.user_id
      from app_public.user_videos v
      join app_public.posts p on p.id = v.post_id
     where p.deleted_at is null and not p.is_demonetized
  ), eligible as (
    select c.user_id from (select distinct user_id from videos) c where app_private.is_monetization_eligible(c.user_id)
  ), counts as (
    select v.post_id, v.user_id,
           (select count(*) from app_public.likes l
             where l.post_id = v.post_id and l.user_id <> v.user_id and l.created_at >= from_ts and l.created_at < to_ts)::integer as likes,
           (select count(*) from app_private.post_view_logs w
             where w.post_id = v.post_id and w.viewed_at >= from_ts and w.viewed_at < to_ts)::integer as views
      from videos v join eligible e on e.user_id = v.user_id
  )
  insert into app_public.video_revenue (post_id, month, user_id, likes, views, amount)
  select c.post_id, m, c.user_id, c.likes, c.views, c.likes * per_like + c.views * per_view
    from counts c
   where c.likes > 0 or c.views > 0;
  get diagnostics n = row_count;
  update app_private.revenue_months r
     set videos = n, total = (select coalesce(sum(amount), 0) from app_public.video_revenue v where v.month = m)
   where r.month = m;
  return n;
end;
$$;

--
-- Name: FUNCTION calculate_monthly_revenue(month date); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.calculate_monthly_revenue(month date) IS 'Jobs and admins: write each video''s revenue for the month containing `month` (UTC): likes × the setting `revenue_per_like` + views × `revenue_per_view`, from that month''s likes and views, for eligible creators, demonetized posts excluded. Once per month: running it again changes nothing and returns 0; returns the rows written.';

--
-- Name: check_and_demonetize_account(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.check_and_demonetize_account(user_id uuid) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  -- SECURITY DEFINER: writes the profile and the audit log. Staff and the system only.
  perform app_private.require_moderator();
  return app_private.demonetize_account_if_repeated(user_id);
end;
$$;

--
-- Name: FUNCTION check_and_demonetize_account(user_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.check_and_demonetize_account(user_id uuid) IS 'Staff: demonetize the account if at least the setting `demonetize_account_posts` of its posts were demonetized within the last `demonetize_account_window_days`. Runs by itself when a post is demonetized. True when the account is demonetized.';

--
-- Name: check_and_demonetize_video(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.check_and_demonetize_video(post_id uuid) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  -- SECURITY DEFINER: writes the post, its author's profile and the audit log. Staff and the system only.
  perform app_private.require_moderator();
  return app_private.demonetize_post_if_reported(post_id);
end;
$$;

--
-- Name: FUNCTION check_and_demonetize_video(post_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.check_and_demonetize_video(post_id uuid) IS 'Staff: demonetize the post if it has reached the report threshold (the setting `demonetize_post_reports`: distinct reporters whose reports were not dismissed), and then its account if it is a repeat. Runs by itself when a report lands. True when the post is demonetized.';

--
-- Name: check_existing_repost(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.check_existing_repost(post_id uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
begin
  return exists (select 1 from app_public.reposts r where r.post_id = check_existing_repost.post_id and r.user_id = me);
end;
$$;

--
-- Name: FUNCTION check_existing_repost(post_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.check_existing_repost(post_id uuid) IS 'Whether you have reposted the post (LOGIN when signed out).';

--
-- Name: check_user_cheat_status(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.check_user_cheat_status(user_id uuid) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  since timestamptz := greatest(
    now() - make_interval(days => app_private.setting('cheat_lookback_days')::integer),
    (select s.cleared_at from app_public.user_cheat_status s where s.user_id = check_user_cheat_status.user_id));
  lim_ip_views integer := app_private.setting('cheat_ip_min_views')::integer;
  lim_ip_share numeric := app_private.setting('cheat_ip_max_share')::numeric;
  lim_burst integer := app_private.setting('cheat_ip_burst_per_hour')::integer;
  lim_top_likers integer := app_private.setting('cheat_ring_top_likers')::integer;
  lim_ring_members integer := app_private.setting('cheat_ring_min_members')::integer;
  lim_ring_share numeric := app_private.setting('cheat_ring_min_share')::numeric;
  lim_ring_likes integer := app_private.setting('cheat_ring_min_likes')::integer;
  signals jsonb;
begin
  perform app_private.require_staff();
  with concentration as (
    select jsonb_build_object('kind', 'ip_concentration', 'post_id', x.post_id, 'ip', host(x.ip), 'views_from_ip', x.n,
                              'views', x.total, 'share', round(x.n::numeric / x.total, 4)) as s
      from (select l.post_id, l.ip, count(*) as n, sum(count(*)) over (partition by l.post_id) as total
              from app_private.post_view_logs l
             where l.author_id = check_user_cheat_status.user_id and l.viewed_at >= since and l.ip is not null
             group by l.post_id, l.ip) x
     where x.total >= lim_ip_views and x.n > lim_ip_share * x.total
  ), bursts as (
    -- Distinct accounts (anonymous views from the IP count as one): one person
    -- browsing many posts is not a burst, and cannot get a creator flagged.
    select jsonb_build_object('kind', 'ip_burst', 'ip', host(l.ip), 'hour', date_trunc('hour', l.viewed_at),
                              'views', count(*), 'accounts', count(distinct coalesce(l.viewer_id::text, 'anonymous'))) as s
      from app_private.post_view_logs l
     where l.author_id = check_user_cheat_status.user_id and l.viewed_at >= since and l.ip is not null
     group by l.ip, date_trunc('hour', l.viewed_at)
    having count(distinct coalesce(l.viewer_id::text, 'anonymous')) >= lim_burst
  ), likers as (
    select l.user_id as liker, count(*) as n
      from app_public.posts p join app_public.likes l on l.post_id = p.id
     where p.author_id = check_user_cheat_status.user_id and l.created_at >= since and l.user_id <> p.author_id
     group by l.user_id
  ), ring as (
    select count(*) as members, coalesce(sum(t.n), 0) as ring_likes, (select coalesce(sum(n), 0) from likers) as total_likes
      from (select * from likers order by n desc, liker limit lim_top_likers) t
     where app_hidden.check_mutual_likes(check_user_cheat_status.user_id, t.liker)
  ), rings as (
    select jsonb_build_object('kind', 'like_ring', 'members', r.members, 'likes_from_ring', r.ring_likes,
                              'likes', r.total_likes, 'share', round(r.ring_likes::numeric / r.total_likes, 4)) as s
      from ring r
     where r.total_likes >= lim_ring_likes and r.members >= lim_ring_members and r.ring_likes >= lim_ring_share * r.total_likes
  )
  select coalesce(jsonb_agg(s), '[]') into signals
    from (select s from concentration union all select s from bursts union all select s from rings) all_signals;
  return jsonb_build_object('flagged', jsonb_array_length(signals) > 0, 'since', since, 'signals', signals);
end;
$$;

--
-- Name: FUNCTION check_user_cheat_status(user_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.check_user_cheat_status(user_id uuid) IS 'Staff: the fraud signals for an account now, without changing its status: {flagged, since, signals}.';

--
-- Name: user_cheat_status; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.user_cheat_status (
    user_id uuid NOT NULL,
    is_flagged boolean DEFAULT false NOT NULL,
    signals jsonb DEFAULT '[]'::jsonb NOT NULL,
    checked_at timestamp with time zone DEFAULT now() NOT NULL,
    flagged_at timestamp with time zone,
    cleared_at timestamp with time zone,
    cleared_by uuid,
    CONSTRAINT user_cheat_status_signals_check CHECK ((jsonb_typeof(signals) = 'array'::text))
);

--
-- Name: TABLE user_cheat_status; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.user_cheat_status IS '@signedInOnly
Fraud detection''s verdict per account; staff see all, an account its own.';

--
-- Name: COLUMN user_cheat_status.user_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_cheat_status.user_id IS 'The account.';

--
-- Name: COLUMN user_cheat_status.is_flagged; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_cheat_status.is_flagged IS 'Flagged for cheating: earns nothing until staff clear it.';

--
-- Name: COLUMN user_cheat_status.signals; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_cheat_status.signals IS '@behavior -select
What the last check found: [{"kind": "ip_concentration" | "ip_burst" | "like_ring", …numbers}]. Staff read it through checkUserCheatStatus.';

--
-- Name: COLUMN user_cheat_status.checked_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_cheat_status.checked_at IS 'When last checked.';

--
-- Name: COLUMN user_cheat_status.flagged_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_cheat_status.flagged_at IS 'When flagged.';

--
-- Name: COLUMN user_cheat_status.cleared_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_cheat_status.cleared_at IS 'When staff last cleared it; earlier evidence is not counted again.';

--
-- Name: COLUMN user_cheat_status.cleared_by; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_cheat_status.cleared_by IS 'Who cleared it.';

--
-- Name: clear_user_cheat_flag(uuid, text); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.clear_user_cheat_flag(user_id uuid, note text) RETURNS app_public.user_cheat_status
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  row app_public.user_cheat_status;
begin
  perform app_private.require_user();
  if not auth.is_moderator() then
    raise exception 'Only staff may clear a cheat flag' using errcode = 'DNIED';
  end if;
  if coalesce(btrim(note), '') = '' then
    raise exception 'Say why the flag is cleared' using errcode = 'INVAL';
  end if;
  update app_public.user_cheat_status s
     set is_flagged = false, cleared_at = now(), cleared_by = auth.uid(), signals = '[]'
   where s.user_id = clear_user_cheat_flag.user_id and s.is_flagged
  returning * into row;
  if row is null then
    raise exception 'This account is not flagged' using errcode = 'NTFND';
  end if;
  insert into app_public.cheat_status_events (user_id, action, actor_id, note) values (user_id, 'cleared', auth.uid(), note);
  return row;
end;
$$;

--
-- Name: FUNCTION clear_user_cheat_flag(user_id uuid, note text); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.clear_user_cheat_flag(user_id uuid, note text) IS '@name clearCheatFlag
Staff: clear an account''s cheat flag, saying why (audited). Evidence before now is not counted again.';

--
-- Name: conversations; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.conversations (
    id uuid NOT NULL,
    is_group boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_message_at timestamp with time zone
);

--
-- Name: TABLE conversations; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.conversations IS '@signedInOnly
Your conversations; list them newest first with `conversations(orderBy: LAST_MESSAGE_AT_DESC)`. A one-to-one conversation''s id is `generateConversationId(a, b)`.';

--
-- Name: COLUMN conversations.id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.conversations.id IS 'The conversation''s id (for two people: generate_conversation_id of the pair).';

--
-- Name: COLUMN conversations.is_group; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.conversations.is_group IS 'A group conversation (not offered yet; every conversation has two participants).';

--
-- Name: COLUMN conversations.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.conversations.created_at IS 'When the first message was sent.';

--
-- Name: COLUMN conversations.last_message_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.conversations.last_message_at IS 'When the latest message was sent.';

--
-- Name: messages; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.messages (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    conversation_id uuid NOT NULL,
    sender_id uuid NOT NULL,
    ciphertext bytea NOT NULL,
    key_id text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    read_at timestamp with time zone,
    hidden_for uuid[] DEFAULT '{}'::uuid[] NOT NULL
);

--
-- Name: TABLE messages; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.messages IS '@signedInOnly
@behavior -query:resource:connection -query:resource:list
Direct messages, read through their conversation (`Conversation.messages`, newest first with `orderBy: CREATED_AT_DESC`). Send with `sendMessage`. A message expires the setting `message_expiry_hours` after its recipient read it.';

--
-- Name: COLUMN messages.id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.messages.id IS 'The message''s id.';

--
-- Name: COLUMN messages.conversation_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.messages.conversation_id IS 'The conversation.';

--
-- Name: COLUMN messages.sender_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.messages.sender_id IS 'Who sent it.';

--
-- Name: COLUMN messages.ciphertext; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.messages.ciphertext IS '@behavior -select -filterBy -orderBy -insert -update
The body, encrypted (pgcrypto, AES-256); read it as `body`.';

--
-- Name: COLUMN messages.key_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.messages.key_id IS '@behavior -select -filterBy -orderBy -insert -update
Which configured key encrypted the body.';

--
-- Name: COLUMN messages.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.messages.created_at IS '@behavior +orderBy
When it was sent.';

--
-- Name: COLUMN messages.read_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.messages.read_at IS 'When the recipient read it (a read receipt); the message expires the setting `message_expiry_hours` later.';

--
-- Name: COLUMN messages.hidden_for; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.messages.hidden_for IS '@behavior -select -filterBy -orderBy -insert -update
Participants who deleted their copy.';

--
-- Name: conversations_last_message(app_public.conversations); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.conversations_last_message(c app_public.conversations) RETURNS app_public.messages
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select m.* from app_public.messages m where m.conversation_id = c.id order by m.created_at desc, m.id desc limit 1
$$;

--
-- Name: FUNCTION conversations_last_message(c app_public.conversations); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.conversations_last_message(c app_public.conversations) IS 'The latest message you can see in the conversation.';

--
-- Name: profiles; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.profiles (
    id uuid NOT NULL,
    handle public.citext NOT NULL,
    display_name text,
    avatar_url text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    is_private boolean DEFAULT false NOT NULL,
    is_verified boolean DEFAULT false NOT NULL,
    followers_count integer DEFAULT 0 NOT NULL,
    following_count integer DEFAULT 0 NOT NULL,
    posts_count integer DEFAULT 0 NOT NULL,
    profile_likes_count integer DEFAULT 0 NOT NULL,
    is_demonetized boolean DEFAULT false NOT NULL,
    demonetized_at timestamp with time zone,
    suspended_at timestamp with time zone,
    suspended_until timestamp with time zone,
    CONSTRAINT _avatar_url_length CHECK (app_private.check_length(avatar_url, 2000, 'An avatar URL'::text)),
    CONSTRAINT _display_name_length CHECK (app_private.check_length(display_name, 50, 'A display name'::text)),
    CONSTRAINT _handle_length CHECK (app_private.check_length((handle)::text, 30, 'A handle'::text)),
    CONSTRAINT profiles_avatar_url_check CHECK ((avatar_url ~ '^https?://'::text)),
    CONSTRAINT profiles_display_name_check CHECK ((char_length(display_name) <= 50)),
    CONSTRAINT profiles_followers_count_check CHECK ((followers_count >= 0)),
    CONSTRAINT profiles_following_count_check CHECK ((following_count >= 0)),
    CONSTRAINT profiles_handle_check CHECK ((handle OPERATOR(public.~) '^[A-Za-z0-9_]{3,30}$'::public.citext)),
    CONSTRAINT profiles_posts_count_check CHECK ((posts_count >= 0)),
    CONSTRAINT profiles_profile_likes_count_check CHECK ((profile_likes_count >= 0))
);

--
-- Name: TABLE profiles; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.profiles IS 'A user''s public face: handle, display name, avatar and counters. The bio and the rest are `profileDetails`, shown to whoever may see the full profile.';

--
-- Name: COLUMN profiles.id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profiles.id IS 'The user''s id (auth.users.id).';

--
-- Name: COLUMN profiles.handle; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profiles.handle IS 'Unique, case-insensitive @handle: 3 to 30 letters, digits or underscores.';

--
-- Name: COLUMN profiles.display_name; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profiles.display_name IS 'Name shown next to the handle, up to 50 characters.';

--
-- Name: COLUMN profiles.avatar_url; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profiles.avatar_url IS 'URL of the avatar image.';

--
-- Name: COLUMN profiles.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profiles.created_at IS 'When the account was created.';

--
-- Name: COLUMN profiles.updated_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profiles.updated_at IS 'When the profile last changed.';

--
-- Name: COLUMN profiles.is_private; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profiles.is_private IS 'Private account: posts and full profile only for approved followers; follows are requests.';

--
-- Name: COLUMN profiles.is_verified; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profiles.is_verified IS 'Verified (blue tick), granted by staff.';

--
-- Name: COLUMN profiles.followers_count; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profiles.followers_count IS 'Approved followers.';

--
-- Name: COLUMN profiles.following_count; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profiles.following_count IS 'Accounts this one follows (approved).';

--
-- Name: COLUMN profiles.posts_count; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profiles.posts_count IS 'Posts not deleted.';

--
-- Name: COLUMN profiles.profile_likes_count; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profiles.profile_likes_count IS 'Likes of this profile.';

--
-- Name: COLUMN profiles.is_demonetized; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profiles.is_demonetized IS '@behavior -*
Demonetized account: earns no revenue. Set automatically when the setting `demonetize_account_posts` of its posts were demonetized within `demonetize_account_window_days`; staff restore it.';

--
-- Name: COLUMN profiles.demonetized_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profiles.demonetized_at IS '@behavior -*
When the account was demonetized; null while it is not.';

--
-- Name: COLUMN profiles.suspended_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profiles.suspended_at IS 'When the account''s current (or last) suspension began; null: never suspended, or lifted. See `isSuspended`.';

--
-- Name: COLUMN profiles.suspended_until; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profiles.suspended_until IS 'When the suspension ends by itself; null: when staff lift it.';

--
-- Name: conversations_peer(app_public.conversations); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.conversations_peer(c app_public.conversations) RETURNS app_public.profiles
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select p.* from app_public.conversation_participants cp join app_public.profiles p on p.id = cp.user_id
   where cp.conversation_id = c.id and cp.user_id <> auth.uid()
   order by cp.joined_at, cp.user_id limit 1
$$;

--
-- Name: FUNCTION conversations_peer(c app_public.conversations); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.conversations_peer(c app_public.conversations) IS 'The other person in a one-to-one conversation (null if hidden by a block).';

--
-- Name: conversations_unread_count(app_public.conversations); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.conversations_unread_count(c app_public.conversations) RETURNS integer
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select count(*)::integer from app_public.messages m
   where m.conversation_id = c.id and m.read_at is null and m.sender_id <> auth.uid()
$$;

--
-- Name: FUNCTION conversations_unread_count(c app_public.conversations); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.conversations_unread_count(c app_public.conversations) IS 'How many messages you received in the conversation and have not read.';

--
-- Name: create_sponsored_post(uuid, app_public.money, app_public.money, app_public.money, app_public.sponsored_placement[], text[], text[], text[], app_public.age_band[]); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.create_sponsored_post(post_id uuid, cost_per_impression app_public.money, cost_per_like app_public.money, budget app_public.money DEFAULT NULL::numeric, placements app_public.sponsored_placement[] DEFAULT '{home,explore}'::app_public.sponsored_placement[], target_categories text[] DEFAULT '{}'::text[], target_markets text[] DEFAULT '{}'::text[], target_countries text[] DEFAULT '{}'::text[], target_age_bands app_public.age_band[] DEFAULT '{}'::app_public.age_band[]) RETURNS app_public.sponsored_posts
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  p app_public.posts;
  balance numeric;
  row app_public.sponsored_posts;
begin
  select * into p from app_public.posts where id = create_sponsored_post.post_id and deleted_at is null;
  if not found or p.author_id <> me then
    raise exception 'No such post of yours' using errcode = 'NTFND';
  end if;
  if coalesce(cost_per_impression, 0) < 0 or coalesce(cost_per_like, 0) < 0 or budget <= 0 then
    raise exception 'Costs are zero or more, and a budget more than zero' using errcode = 'INVAL';
  end if;
  if coalesce(cost_per_impression, 0) = 0 and coalesce(cost_per_like, 0) = 0 then
    raise exception 'A campaign charges for impressions, likes or both' using errcode = 'INVAL';
  end if;
  if p.audience <> 'public' or p.is_paid then
    raise exception 'Only public posts can be sponsored' using errcode = 'INVAL';
  end if;
  if p.is_demonetized then
    raise exception 'A demonetized post cannot be sponsored' using errcode = 'DNIED';
  end if;
  if exists (select 1 from app_public.sponsored_posts s where s.post_id = p.id) then
    raise exception 'This post already has a campaign' using errcode = 'CONFL';
  end if;
  balance := (app_public.get_or_create_sponsor_credits(me)).balance;
  perform 1 from app_public.sponsor_credits c where c.sponsor_id = me for update;
  insert into app_public.sponsored_posts (sponsor_id, post_id, placements, target_categories, target_markets, target_countries,
                                          target_age_bands, cost_per_impression, cost_per_like, budget)
  values (me, p.id, coalesce(placements, '{home,explore}'), coalesce(target_categories, '{}'), coalesce(target_markets, '{}'),
          coalesce(target_countries, '{}'), coalesce(target_age_bands, '{}'), cost_per_impression, cost_per_like, budget)
  returning * into row;
  -- Starts paused for funds when the credits cannot pay its first charge; credits added resume it.
  if not app_private.sponsored_post_fundable(row, balance) then
    perform app_private.pause_sponsored_post(row.id, 'funds');
    select * into row from app_public.sponsored_posts s where s.id = row.id;
  end if;
  return row;
end;
$$;

--
-- Name: FUNCTION create_sponsored_post(post_id uuid, cost_per_impression app_public.money, cost_per_like app_public.money, budget app_public.money, placements app_public.sponsored_placement[], target_categories text[], target_markets text[], target_countries text[], target_age_bands app_public.age_band[]); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.create_sponsored_post(post_id uuid, cost_per_impression app_public.money, cost_per_like app_public.money, budget app_public.money, placements app_public.sponsored_placement[], target_categories text[], target_markets text[], target_countries text[], target_age_bands app_public.age_band[]) IS 'Start a campaign on one of your public posts: its costs per impression and per like (credits, up to 4 decimals), an optional total budget, placements, and targeting (empty lists: anyone). It starts paused (funds) when your credits cannot pay its next charge.';

--
-- Name: creator_balance(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.creator_balance(user_id uuid DEFAULT NULL::uuid) RETURNS app_public.creator_balance
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  -- Signed out: LOGIN first, whatever the argument.
  me uuid := case when auth.role() in ('anon', 'authenticated') then app_private.require_user() else auth.uid() end;
  target uuid := coalesce(user_id, me, app_private.require_user());
  row app_public.creator_balance;
begin
  if target is distinct from me then
    perform app_private.require_jobs_or_admin();
  end if;
  select (select coalesce(sum(r.amount), 0) from app_public.video_revenue r where r.user_id = target),
         coalesce(sum(w.amount) filter (where w.status = 'pending'), 0),
         coalesce(sum(w.amount) filter (where w.status = 'approved'), 0),
         coalesce(sum(w.amount) filter (where w.status = 'paid'), 0),
         app_private.available_balance(target)
    into row
    from app_public.withdrawal_requests w where w.user_id = target;
  return row;
end;
$$;

--
-- Name: FUNCTION creator_balance(user_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.creator_balance(user_id uuid) IS 'Your revenue balance (admins: anyone''s): earned, pending, approved, paid, available.';

--
-- Name: creator_dashboard(date, date); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.creator_dashboard(from_day date, to_day date) RETURNS SETOF app_public.dashboard_day
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := auth.uid();
begin
  if me is null then
    raise exception 'You must be signed in' using errcode = 'LOGIN';
  end if;
  if from_day is null or to_day is null or to_day < from_day or to_day - from_day > 366 then
    raise exception 'Give a range of at most 367 days, from_day <= to_day' using errcode = 'INVAL';
  end if;
  return query
    select d::date, coalesce(a.views, 0), coalesce(a.likes, 0), a.followers, coalesce(a.estimated_revenue, 0)
      from generate_series(from_day, to_day, interval '1 day') d
      left join app_public.user_analytics a on a.user_id = me and a.day = d::date
     order by 1;
end;
$$;

--
-- Name: FUNCTION creator_dashboard(from_day date, to_day date); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.creator_dashboard(from_day date, to_day date) IS 'Your views, likes, followers and estimated revenue per day (UTC) from `fromDay` to `toDay` (at most 367 days), a row for every day. Rolled up hourly.';

--
-- Name: current_profile(); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.current_profile() RETURNS app_public.profiles
    LANGUAGE sql STABLE
    AS $$
  select * from app_public.profiles where id = (select auth.uid())
$$;

--
-- Name: FUNCTION current_profile(); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.current_profile() IS 'The signed-in user''s profile, or null when signed out.';

--
-- Name: deduct_sponsor_credits(uuid, app_public.money, text, text); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.deduct_sponsor_credits(sponsor_id uuid, amount app_public.money, idempotency_key text, reason text DEFAULT NULL::text) RETURNS numeric
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app_private.require_money_operator();
  return (app_private.apply_sponsor_credit_change(sponsor_id, 'deduct', amount, idempotency_key, reason)).balance_after;
end;
$$;

--
-- Name: FUNCTION deduct_sponsor_credits(sponsor_id uuid, amount app_public.money, idempotency_key text, reason text); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.deduct_sponsor_credits(sponsor_id uuid, amount app_public.money, idempotency_key text, reason text) IS 'Charge credits atomically, at most once per idempotency key (a repeated key returns the first result and charges nothing); never below zero: raises FUNDS when the balance does not cover it. Payment system, jobs and admins only.';

--
-- Name: delete_comment(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.delete_comment(comment_id uuid) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
begin
  -- The comment's author, the post's author, or staff.
  update app_public.comments c set deleted_at = now()
   where c.id = comment_id and c.deleted_at is null
     and (c.author_id = me or auth.is_moderator()
          or exists (select 1 from app_public.posts p where p.id = c.post_id and p.author_id = me));
  if not found then
    raise exception 'No such comment you may delete' using errcode = 'NTFND';
  end if;
  return true;
end;
$$;

--
-- Name: FUNCTION delete_comment(comment_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.delete_comment(comment_id uuid) IS 'Delete a comment: your own, or one on your post. Its replies stay.';

--
-- Name: delete_conversation(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.delete_conversation(conversation_id uuid) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
begin
  -- Ordered with sends and the other participant's clear (see send_message).
  perform 1 from app_public.conversations c where c.id = delete_conversation.conversation_id for update;
  update app_public.conversation_participants p set cleared_at = clock_timestamp()
   where p.conversation_id = delete_conversation.conversation_id and p.user_id = me;
  if not found then
    raise exception 'No such conversation' using errcode = 'NTFND';
  end if;
  -- Messages every participant has cleared are gone.
  delete from app_public.messages x
   where x.conversation_id = delete_conversation.conversation_id
     and x.created_at <= (select min(coalesce(p.cleared_at, '-infinity')) from app_public.conversation_participants p
                           where p.conversation_id = delete_conversation.conversation_id);
  return true;
end;
$$;

--
-- Name: FUNCTION delete_conversation(conversation_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.delete_conversation(conversation_id uuid) IS 'Delete your copy of a conversation: its messages so far disappear for you (not for the other participant); it comes back with the next message.';

--
-- Name: delete_message(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.delete_message(message_id uuid) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  m app_public.messages;
begin
  update app_public.messages x set hidden_for = array_append(x.hidden_for, me)
   where x.id = message_id and not (me = any (x.hidden_for))
     and exists (select 1 from app_public.conversation_participants p where p.conversation_id = x.conversation_id and p.user_id = me)
  returning * into m;
  if m is null then
    raise exception 'No such message' using errcode = 'NTFND';
  end if;
  -- Deleted by every participant: gone.
  delete from app_public.messages x
   where x.id = m.id
     and not exists (select 1 from app_public.conversation_participants p
                      where p.conversation_id = x.conversation_id and not (p.user_id = any (x.hidden_for)));
  return true;
end;
$$;

--
-- Name: FUNCTION delete_message(message_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.delete_message(message_id uuid) IS 'Delete your copy of a message (sent or received); the other participant keeps theirs.';

--
-- Name: delete_notification(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.delete_notification(notification_id uuid) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
begin
  delete from app_public.notifications o where o.id = notification_id and o.recipient_id = me;
  if not found then
    raise exception 'No such notification' using errcode = 'NTFND';
  end if;
  return true;
end;
$$;

--
-- Name: FUNCTION delete_notification(notification_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.delete_notification(notification_id uuid) IS 'Delete one of your notifications (NTFND if it is not one of yours).';

--
-- Name: delete_post(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.delete_post(post_id uuid) RETURNS app_public.posts
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  p app_public.posts;
begin
  select * into p from app_public.posts where id = post_id and deleted_at is null for update;
  -- `is distinct from`, never `not (… = …)`: a comparison with null is null, and `not null` never raises.
  if not found or (p.author_id is distinct from me and not auth.is_moderator()) then
    raise exception 'No such post of yours' using errcode = 'NTFND';
  end if;
  update app_public.posts set deleted_at = now() where id = post_id returning * into p;
  return p;
end;
$$;

--
-- Name: FUNCTION delete_post(post_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.delete_post(post_id uuid) IS 'Delete one of your posts (soft: staff still see it). Staff may delete any post.';

--
-- Name: explore_posts(text, text, text, text, app_public.media_type, text, integer); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.explore_posts(category text DEFAULT NULL::text, market text DEFAULT NULL::text, symbol text DEFAULT NULL::text, hashtag text DEFAULT NULL::text, media_type app_public.media_type DEFAULT NULL::app_public.media_type, cursor text DEFAULT NULL::text, max_results integer DEFAULT 20) RETURNS SETOF app_public.feed_entry
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $$
declare
  me uuid := auth.uid();
  c record := app_private.feed_cursor_parts(cursor);
  n integer := least(greatest(coalesce(max_results, 20), 1), 100);
  hidden uuid[] := app_private.viewer_mute_ids() || app_private.viewer_block_ids();
  tag_id bigint;
begin
  if hashtag is not null then
    select h.id into tag_id from app_public.hashtags h where h.tag = ltrim(hashtag, '#')::citext;
    if tag_id is null then
      return;
    end if;
  end if;
  return query
  select p.id, null::uuid, p.created_at, app_private.feed_cursor(p.created_at, p.id, null)
    from app_public.posts p
   where p.deleted_at is null and p.audience = 'public' and not p.is_paid
     and (p.created_at, p.id) < (c.feed_at, c.post_id)
     and (explore_posts.category is null or p.metadata ->> 'category' = explore_posts.category)
     and (explore_posts.market is null or p.metadata ->> 'market' = explore_posts.market)
     and (explore_posts.symbol is null or p.metadata ->> 'symbol' = explore_posts.symbol)
     and (tag_id is null or exists (select 1 from app_public.post_hashtags ph where ph.post_id = p.id and ph.hashtag_id = tag_id))
     and (explore_posts.media_type is null
          or exists (select 1 from app_public.post_media m where m.post_id = p.id and m.media_type = explore_posts.media_type))
     and p.author_id <> all (hidden)
     -- The visibility rule's public case: what a stranger (relationship 0) may see; suspended accounts left out.
     and exists (select 1 from app_public.profiles a where a.id = p.author_id
                  and not (a.suspended_at is not null and coalesce(a.suspended_until > now(), true))
                  and app_private.post_visible(me, p.author_id, p.audience, a.is_private, p.is_paid, 0, p.author_id = any (hidden)))
   order by p.created_at desc, p.id desc
   limit n;
end;
$$;

--
-- Name: FUNCTION explore_posts(category text, market text, symbol text, hashtag text, media_type app_public.media_type, cursor text, max_results integer); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.explore_posts(category text, market text, symbol text, hashtag text, media_type app_public.media_type, cursor text, max_results integer) IS 'Public posts, newest first, optionally by metadata `category`, `market`, `symbol`, by `hashtag` (with or without #) and by media type; muted, blocked and suspended accounts left out. Up to `maxResults` (at most 100) after `cursor`.';

--
-- Name: explore_top_posts(text, text, text, integer); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.explore_top_posts(category text DEFAULT NULL::text, market text DEFAULT NULL::text, symbol text DEFAULT NULL::text, max_results integer DEFAULT 20) RETURNS SETOF app_public.posts
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select p.* from app_public.posts p
   where p.created_at > now() - interval '24 hours'
     and p.deleted_at is null and p.audience = 'public' and not p.is_paid
     and (explore_top_posts.category is null or p.metadata ->> 'category' = explore_top_posts.category)
     and (explore_top_posts.market is null or p.metadata ->> 'market' = explore_top_posts.market)
     and (explore_top_posts.symbol is null or p.metadata ->> 'symbol' = explore_top_posts.symbol)
     and p.author_id <> all (app_private.viewer_mute_ids() || app_private.viewer_block_ids())
     and not exists (select 1 from app_public.profiles a where a.id = p.author_id
                      and (a.is_private or (a.suspended_at is not null and coalesce(a.suspended_until > now(), true))))
   order by p.likes_count + p.reposts_count desc, p.created_at desc, p.id desc
   limit least(greatest(coalesce(max_results, 20), 1), 100)
$$;

--
-- Name: FUNCTION explore_top_posts(category text, market text, symbol text, max_results integer); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.explore_top_posts(category text, market text, symbol text, max_results integer) IS 'The most liked and reposted public posts of the last 24 hours (likes + reposts), optionally filtered by metadata; suspended accounts left out; up to `maxResults` (at most 100).';

--
-- Name: feed_entry_post(app_public.feed_entry); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.feed_entry_post(e app_public.feed_entry) RETURNS app_public.posts
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select p.* from app_public.posts p where p.id = e.post_id $$;

--
-- Name: FUNCTION feed_entry_post(e app_public.feed_entry); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.feed_entry_post(e app_public.feed_entry) IS '@behavior -queryField
The post.';

--
-- Name: feed_entry_reposted_by(app_public.feed_entry); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.feed_entry_reposted_by(e app_public.feed_entry) RETURNS app_public.profiles
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select p.* from app_public.profiles p where p.id = e.reposted_by_id $$;

--
-- Name: FUNCTION feed_entry_reposted_by(e app_public.feed_entry); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.feed_entry_reposted_by(e app_public.feed_entry) IS '@behavior -queryField
Who reposted it (null for the post itself).';

--
-- Name: follow(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.follow(target_id uuid) RETURNS app_public.followers
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  target app_public.profiles;
  row app_public.followers;
begin
  select * into target from app_public.profiles where id = target_id;
  if not found or app_private.is_blocked_pair(me, target_id) then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  if target_id = me then
    raise exception 'You cannot follow yourself' using errcode = 'INVAL';
  end if;
  insert into app_public.followers (follower_id, following_id, status, approved_at)
  values (me, target_id, case when target.is_private then 'pending' else 'approved' end::app_public.follow_status,
          case when target.is_private then null else now() end)
  on conflict (follower_id, following_id) do nothing
  returning * into row;
  if row is null then
    select * into row from app_public.followers where follower_id = me and following_id = target_id;
  end if;
  return row;
end;
$$;

--
-- Name: FUNCTION follow(target_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.follow(target_id uuid) IS 'Follow an account. A private account gets a follow request (status pending) until it approves. Following again changes nothing.';

--
-- Name: generate_conversation_id(uuid, uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.generate_conversation_id(a uuid, b uuid) RETURNS uuid
    LANGUAGE sql IMMUTABLE STRICT
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select md5('pgsocial direct conversation:' || least(a, b)::text || ':' || greatest(a, b)::text)::uuid $$;

--
-- Name: FUNCTION generate_conversation_id(a uuid, b uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.generate_conversation_id(a uuid, b uuid) IS 'The id of the one-to-one conversation of two users: the same whichever order they are given in.';

--
-- Name: get_follower_count(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.get_follower_count(user_id uuid) RETURNS bigint
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select p.followers_count::bigint from app_public.profiles p where p.id = user_id $$;

--
-- Name: FUNCTION get_follower_count(user_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.get_follower_count(user_id uuid) IS 'Approved followers of the user.';

--
-- Name: get_followers_with_profiles(uuid, timestamp with time zone, integer); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.get_followers_with_profiles(user_id uuid, before timestamp with time zone DEFAULT NULL::timestamp with time zone, max_results integer DEFAULT 20) RETURNS TABLE(follower_id uuid, handle public.citext, display_name text, avatar_url text, is_verified boolean, followed_at timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select p.id, p.handle, p.display_name, p.avatar_url, p.is_verified, f.created_at
    from app_public.followers f
    join app_public.profiles p on p.id = f.follower_id
   where f.following_id = user_id
     and f.status = 'approved'
     and app_hidden.can_view_profile(auth.uid(), user_id)
     and not app_private.is_blocked_pair(auth.uid(), f.follower_id)
     and (before is null or f.created_at < before)
   order by f.created_at desc, f.follower_id
   limit least(greatest(max_results, 1), 100)
$$;

--
-- Name: FUNCTION get_followers_with_profiles(user_id uuid, before timestamp with time zone, max_results integer); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.get_followers_with_profiles(user_id uuid, before timestamp with time zone, max_results integer) IS 'Approved followers of a user, newest first, up to `maxResults` (at most 100) followed before `before` (pass the last `followedAt` to page). Empty when you may not see the account''s full profile; never lists someone across a block with you.';

--
-- Name: sponsor_credits; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.sponsor_credits (
    sponsor_id uuid NOT NULL,
    balance numeric(14,4) DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT balance_is_money CHECK (app_private.check_money(balance)),
    CONSTRAINT sponsor_credits_balance_check CHECK ((balance >= (0)::numeric))
);

--
-- Name: TABLE sponsor_credits; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.sponsor_credits IS '@signedInOnly
A sponsor''s prepaid credit balance; the sponsor and staff see it.';

--
-- Name: COLUMN sponsor_credits.sponsor_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsor_credits.sponsor_id IS 'The sponsor.';

--
-- Name: COLUMN sponsor_credits.balance; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsor_credits.balance IS 'Credits available, never below zero.';

--
-- Name: COLUMN sponsor_credits.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsor_credits.created_at IS 'When the account was opened.';

--
-- Name: COLUMN sponsor_credits.updated_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.sponsor_credits.updated_at IS 'When the balance last changed.';

--
-- Name: get_or_create_sponsor_credits(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.get_or_create_sponsor_credits(sponsor_id uuid) RETURNS app_public.sponsor_credits
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  row app_public.sponsor_credits;
begin
  if auth.role() in ('anon', 'authenticated') then
    perform app_private.require_user();
  end if;
  -- Sponsors open their own account; payment systems and admins any.
  if auth.role() in ('anon', 'authenticated') and sponsor_id is distinct from auth.uid() and not auth.is_admin() then
    raise exception 'You may only open your own sponsor account' using errcode = 'DNIED';
  end if;
  if not exists (select 1 from app_public.profiles p where p.id = get_or_create_sponsor_credits.sponsor_id) then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  insert into app_public.sponsor_credits as c (sponsor_id) values (get_or_create_sponsor_credits.sponsor_id)
  on conflict on constraint sponsor_credits_pkey do update set sponsor_id = c.sponsor_id
  returning * into row;
  return row;
end;
$$;

--
-- Name: FUNCTION get_or_create_sponsor_credits(sponsor_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.get_or_create_sponsor_credits(sponsor_id uuid) IS 'The sponsor''s credit account, opened with a zero balance if there is none.';

--
-- Name: get_post_report_count(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.get_post_report_count(post_id uuid) RETURNS integer
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  -- SECURITY DEFINER: counts reports the caller may not read; only staff and the post's author may ask.
  if auth.role() in ('anon', 'authenticated') then
    perform app_private.require_user();
  end if;
  if auth.role() in ('anon', 'authenticated') and not auth.is_moderator()
     and not exists (select 1 from app_public.posts p where p.id = get_post_report_count.post_id and p.author_id = auth.uid()) then
    raise exception 'Only staff and the post''s author may see its report count' using errcode = 'DNIED';
  end if;
  return app_private.post_report_count(post_id);
end;
$$;

--
-- Name: FUNCTION get_post_report_count(post_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.get_post_report_count(post_id uuid) IS 'Distinct reporters of the post whose report was not dismissed. Staff and the post''s author only.';

--
-- Name: home_feed(text, integer); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.home_feed(cursor text DEFAULT NULL::text, max_results integer DEFAULT 20) RETURNS SETOF app_public.feed_entry
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  c record := app_private.feed_cursor_parts(cursor);
  n integer := least(greatest(coalesce(max_results, 20), 1), 100);
  muted uuid[] := app_private.viewer_mute_ids();
  followees uuid[] := array(select f.following_id from app_public.followers f
                             where f.follower_id = me and f.status = 'approved' and f.following_id <> all (muted)) || me;
  -- How many candidates to take: the final check may drop some (reposts of
  -- posts you may not see); widen until the page is full or there are no more.
  window_size integer := n + 10;
  candidates app_public.feed_entry[];
  page app_public.feed_entry[];
begin
  loop
    candidates := array(select e from app_private.feed_candidates(followees, c.feed_at, c.post_id, c.reposter, window_size, me) e);
    page := app_private.home_feed_page(me, candidates, muted);
    exit when coalesce(cardinality(page), 0) >= n or cardinality(candidates) < window_size or window_size >= 1000;
    window_size := window_size * 4;
  end loop;
  return query select * from unnest(page) limit n;
end;
$$;

--
-- Name: FUNCTION home_feed(cursor text, max_results integer); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.home_feed(cursor text, max_results integer) IS 'Your home feed, newest first: your posts, and the posts and reposts of accounts you follow that you may see, leaving out muted accounts. Up to `maxResults` (at most 100) entries after `cursor`.';

--
-- Name: home_feed_cached(text, integer, text[], text, bigint); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.home_feed_cached(cursor text, max_results integer, cached text[], cache_floor text, cache_version bigint) RETURNS SETOF app_public.feed_entry
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  c record := app_private.feed_cursor_parts(cursor);
  f record := app_private.feed_cursor_parts(nullif(cache_floor, ''));
  n integer := least(greatest(coalesce(max_results, 20), 1), 100);
  nil constant uuid := '00000000-0000-0000-0000-000000000000';
  muted uuid[];
  followees uuid[];
  pulled uuid[];
  window_size integer := n + 10;
  pulled_count integer;
  candidates app_public.feed_entry[];
  page app_public.feed_entry[];
begin
  if cached is null
     or cache_version is distinct from coalesce((select v.version from app_private.home_feed_versions v where v.user_id = me), 0) then
    return query select * from app_public.home_feed(cursor, max_results);
    return;
  end if;
  if cache_floor is null or cache_floor = '' then
    -- The cache holds the whole feed.
    select '-infinity'::timestamptz as feed_at, nil as post_id, nil as reposter into f;
  end if;
  muted := app_private.viewer_mute_ids();
  followees := array(select fo.following_id from app_public.followers fo
                      where fo.follower_id = me and fo.status = 'approved' and fo.following_id <> all (muted)) || me;
  pulled := array(select a.author_id from app_private.feed_pull_authors a where a.author_id = any (followees));

  -- Pulled accounts' newest entries, from the indexes, as home_feed takes them.
  candidates := array(select e from app_private.feed_candidates(pulled, c.feed_at, c.post_id, c.reposter, window_size, me) e);
  pulled_count := cardinality(candidates);

  with parsed as (
    -- Members are "<µs>.<post>.<reposter or nil>", as written by feed_cursor.
    select to_timestamp(split_part(m, '.', 1)::bigint / 1000000.0) as feed_at,
           split_part(m, '.', 2)::uuid as post_id,
           split_part(m, '.', 3)::uuid as reposter
      from unnest(cached) m
  ),
  still_in_feed as (
    -- Cached posts and reposts that still exist, by accounts still followed (and not pulled: those come from above).
    select p.id as post_id, null::uuid as reposted_by_id, p.created_at as feed_at
      from parsed m join app_public.posts p on p.id = m.post_id and p.created_at = m.feed_at
     where m.reposter = nil and p.deleted_at is null
       and p.author_id = any (followees) and p.author_id <> all (pulled)
    union all
    select r.post_id, r.user_id, r.created_at
      from parsed m join app_public.reposts r on r.post_id = m.post_id and r.user_id = m.reposter and r.created_at = m.feed_at
     where m.reposter <> nil
       and r.user_id = any (followees) and r.user_id <> all (pulled)
  )
  select array_agg(row(e.post_id, e.reposted_by_id, e.feed_at, null)::app_public.feed_entry
                   order by e.feed_at desc, e.post_id desc, coalesce(e.reposted_by_id, nil) desc)
    into candidates
    from (
      select u.* from (
        select * from still_in_feed
        union all
        select x.post_id, x.reposted_by_id, x.feed_at from unnest(candidates) x
      ) u
      -- After the cursor, and not below the floor: under it the cache may lack entries.
      where (u.feed_at, u.post_id, coalesce(u.reposted_by_id, nil)) < (c.feed_at, c.post_id, c.reposter)
        and (u.feed_at, u.post_id, coalesce(u.reposted_by_id, nil)) >= (f.feed_at, f.post_id, f.reposter)
      order by u.feed_at desc, u.post_id desc, coalesce(u.reposted_by_id, nil) desc
      limit window_size
    ) e;

  page := app_private.home_feed_page(me, candidates, muted);
  if coalesce(cardinality(page), 0) >= n
     -- A short page is the end of the feed only if nothing can be missing.
     or (f.feed_at = '-infinity' and pulled_count < window_size and coalesce(cardinality(candidates), 0) < window_size) then
    return query select * from unnest(page) limit n;
  else
    return query select * from app_public.home_feed(cursor, max_results);
  end if;
end;
$$;

--
-- Name: FUNCTION home_feed_cached(cursor text, max_results integer, cached text[], cache_floor text, cache_version bigint); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.home_feed_cached(cursor text, max_results integer, cached text[], cache_floor text, cache_version bigint) IS '@behavior -queryField
The home feed with candidates from a cache (for the server). Same result as `home_feed`.';

--
-- Name: increment_post_likes(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.increment_post_likes(post_id uuid) RETURNS app_public.posts
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  p app_public.posts := app_private.require_visible_post(post_id);
begin
  insert into app_public.likes (post_id, user_id) values (p.id, me) on conflict do nothing;
  select * into p from app_public.posts where id = p.id;
  return p;
end;
$$;

--
-- Name: FUNCTION increment_post_likes(post_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.increment_post_likes(post_id uuid) IS '@name likePost
Like a post you can see; liking again changes nothing. Returns the post with its new count.';

--
-- Name: increment_post_views(uuid, uuid, inet); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.increment_post_views(post_id uuid, viewer_id uuid, ip inet) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  counted uuid[];
begin
  if auth.role() in ('anon', 'authenticated') then
    if viewer_id is distinct from auth.uid() then
      raise exception 'You may only record your own views' using errcode = 'DNIED';
    end if;
    if ip is distinct from app_private.request_ip() then
      raise exception 'The IP must be the one the request comes from' using errcode = 'DNIED';
    end if;
  end if;
  counted := app_private.count_post_views(jsonb_build_array(jsonb_build_object('post_id', post_id, 'viewer_id', viewer_id, 'ip', ip, 'at', now())));
  perform app_private.add_post_views(counted);
  return cardinality(counted) > 0;
end;
$$;

--
-- Name: FUNCTION increment_post_views(post_id uuid, viewer_id uuid, ip inet); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.increment_post_views(post_id uuid, viewer_id uuid, ip inet) IS 'Count a view of a post: once per viewer (or, for anonymous viewers, per IP) per post per 24 hours; true when counted. Own posts and posts the viewer may not see do not count. Clients may only record their own views from their own IP; the service role and jobs any.';

--
-- Name: increment_profile_likes(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.increment_profile_likes(profile_id uuid) RETURNS app_public.profiles
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  p app_public.profiles;
begin
  if profile_id = me then
    raise exception 'You cannot like your own profile' using errcode = 'INVAL';
  end if;
  if not exists (select 1 from app_public.profiles where id = profile_id) or app_private.is_blocked_pair(me, profile_id) then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  insert into app_public.profile_likes (profile_id, liker_id) values (increment_profile_likes.profile_id, me) on conflict do nothing;
  select * into p from app_public.profiles where id = increment_profile_likes.profile_id;
  return p;
end;
$$;

--
-- Name: FUNCTION increment_profile_likes(profile_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.increment_profile_likes(profile_id uuid) IS '@name likeProfile
Like a profile, once. Returns it with its new count.';

--
-- Name: is_handle_available(text); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.is_handle_available(handle text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'public', 'pg_temp'
    AS $_$
  select is_handle_available.handle ~ '^[A-Za-z0-9_]{3,30}$'
     and not app_private.is_reserved_handle(is_handle_available.handle)
     and not exists (select 1 from app_public.profiles p where p.handle = is_handle_available.handle::citext)
$_$;

--
-- Name: FUNCTION is_handle_available(handle text); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.is_handle_available(handle text) IS 'True when the handle is well formed (3-30 letters, digits, underscores), not reserved, and not taken (case-insensitively).';

--
-- Name: mark_all_notifications_read(); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.mark_all_notifications_read() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  n integer;
begin
  update app_public.notifications o set read_at = now() where o.recipient_id = me and o.read_at is null;
  get diagnostics n = row_count;
  return n;
end;
$$;

--
-- Name: FUNCTION mark_all_notifications_read(); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.mark_all_notifications_read() IS 'Mark all your notifications read; returns how many were unread.';

--
-- Name: mark_conversation_read(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.mark_conversation_read(conversation_id uuid) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  n integer;
  senders uuid[];
  cleared timestamptz;
begin
  select p.cleared_at into cleared from app_public.conversation_participants p
   where p.conversation_id = mark_conversation_read.conversation_id and p.user_id = me for update;
  if not found then
    raise exception 'No such conversation' using errcode = 'NTFND';
  end if;
  with r as (
    update app_public.messages m set read_at = now()
     where m.conversation_id = mark_conversation_read.conversation_id and m.sender_id <> me and m.read_at is null
       and not (me = any (m.hidden_for))
       -- Only what I can see: not what I cleared (no false read receipts, no early expiry).
       and m.created_at > coalesce(cleared, '-infinity')
    returning m.sender_id
  ) select count(*)::integer, coalesce(array_agg(distinct r.sender_id), '{}') into n, senders from r;
  update app_public.conversation_participants p set last_read_at = now()
   where p.conversation_id = mark_conversation_read.conversation_id and p.user_id = me;
  -- The conversation's message notification is read too.
  update app_public.notifications o set read_at = now()
   where o.recipient_id = me and o.group_key = 'message:' || mark_conversation_read.conversation_id and o.read_at is null;
  -- Read receipts, in real time, to the senders (and my other devices).
  if n > 0 then
    perform pg_notify('messages:' || u,
                      json_build_object('event', 'messages_read', 'conversation_id', mark_conversation_read.conversation_id,
                                        'reader_id', me, 'read_at', now())::text)
       from unnest(array_append(senders, me)) u;
  end if;
  return n;
end;
$$;

--
-- Name: FUNCTION mark_conversation_read(conversation_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.mark_conversation_read(conversation_id uuid) IS 'Mark the messages you received in a conversation read (their senders see `readAt`; they expire 24 hours later). Returns how many were unread.';

--
-- Name: notifications; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.notifications (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    recipient_id uuid NOT NULL,
    type app_public.notification_type NOT NULL,
    actor_id uuid,
    actor_ids uuid[] DEFAULT '{}'::uuid[] NOT NULL,
    actor_count integer DEFAULT 0 NOT NULL,
    event_count integer DEFAULT 1 NOT NULL,
    post_id uuid,
    comment_id uuid,
    data jsonb DEFAULT '{}'::jsonb NOT NULL,
    group_key text,
    read_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT notifications_actor_count_check CHECK ((actor_count >= 0)),
    CONSTRAINT notifications_data_check CHECK ((jsonb_typeof(data) = 'object'::text)),
    CONSTRAINT notifications_event_count_check CHECK ((event_count >= 1))
);

--
-- Name: TABLE notifications; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.notifications IS '@signedInOnly
@behavior -query:resource:single
Your notifications. Created by the database when something happens to you; repeated likes, reposts, follows and messages join one unread notification ("12 people liked your post"). List with `notifications(orderBy: UPDATED_AT_DESC)`.';

--
-- Name: COLUMN notifications.id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.id IS 'The notification''s id.';

--
-- Name: COLUMN notifications.recipient_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.recipient_id IS 'Whose notification (always you).';

--
-- Name: COLUMN notifications.type; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.type IS 'What happened.';

--
-- Name: COLUMN notifications.actor_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.actor_id IS 'Who did it most recently (null for system events such as money).';

--
-- Name: COLUMN notifications.actor_ids; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.actor_ids IS '@behavior -select -filterBy -orderBy
The latest distinct actors, most recent first (at most 3); read them as `actors`.';

--
-- Name: COLUMN notifications.actor_count; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.actor_count IS 'How many different accounts took part (0 for system events).';

--
-- Name: COLUMN notifications.event_count; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.event_count IS 'How many events this notification stands for (likes, messages, …).';

--
-- Name: COLUMN notifications.post_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.post_id IS 'The post concerned, if any.';

--
-- Name: COLUMN notifications.comment_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.comment_id IS 'The comment concerned, if any.';

--
-- Name: COLUMN notifications.data; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.data IS 'Details by type: `conversation_id` and `message_id` for messages; amount, currency and reason for money events.';

--
-- Name: COLUMN notifications.group_key; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.group_key IS '@behavior -select -filterBy -orderBy
Repeated events with the same key join one unread notification.';

--
-- Name: COLUMN notifications.read_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.read_at IS 'When you read it; null while unread.';

--
-- Name: COLUMN notifications.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.created_at IS 'When it was created.';

--
-- Name: COLUMN notifications.updated_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.notifications.updated_at IS '@behavior +orderBy
When the latest event joined it.';

--
-- Name: mark_notification_read(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.mark_notification_read(notification_id uuid) RETURNS app_public.notifications
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  n app_public.notifications;
begin
  update app_public.notifications o set read_at = coalesce(o.read_at, now())
   where o.id = notification_id and o.recipient_id = me
  returning * into n;
  if n is null then
    raise exception 'No such notification' using errcode = 'NTFND';
  end if;
  return n;
end;
$$;

--
-- Name: FUNCTION mark_notification_read(notification_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.mark_notification_read(notification_id uuid) IS 'Mark one of your notifications read.';

--
-- Name: mark_withdrawal_paid(uuid, text); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.mark_withdrawal_paid(request_id uuid, reference text) RETURNS app_public.withdrawal_requests
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app_private.require_admin();
  if coalesce(btrim(reference), '') = '' then
    raise exception 'Give the payment reference' using errcode = 'INVAL';
  end if;
  return app_private.move_withdrawal(request_id, '{approved}', 'paid', reference);
end;
$$;

--
-- Name: FUNCTION mark_withdrawal_paid(request_id uuid, reference text); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.mark_withdrawal_paid(request_id uuid, reference text) IS 'Admins: mark an approved withdrawal paid, with the payment reference.';

--
-- Name: messages_body(app_public.messages); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.messages_body(m app_public.messages) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select public.pgp_sym_decrypt(x.ciphertext, app_private.message_key(x.key_id))
    from app_public.messages x
    join app_public.conversation_participants cp on cp.conversation_id = x.conversation_id and cp.user_id = auth.uid()
   where x.id = m.id
     and not (cp.user_id = any (x.hidden_for))
     and x.created_at > coalesce(cp.cleared_at, '-infinity')
     and (x.read_at is null or x.read_at > now() - make_interval(hours => app_private.setting('message_expiry_hours')::integer))
$$;

--
-- Name: FUNCTION messages_body(m app_public.messages); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.messages_body(m app_public.messages) IS 'The message text (decrypted for you; null if its key has been retired).';

--
-- Name: monetization_status(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.monetization_status(user_id uuid DEFAULT NULL::uuid) RETURNS SETOF app_public.monetization_condition
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  -- Signed out: LOGIN first, whatever the argument.
  me uuid := case when auth.role() in ('anon', 'authenticated') then app_private.require_user() else auth.uid() end;
  target uuid := coalesce(user_id, me, app_private.require_user());
begin
  if target is distinct from me then
    perform app_private.require_staff();
  end if;
  if not exists (select 1 from app_public.profiles p where p.id = target) then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  return query select * from app_private.monetization_conditions(target);
end;
$$;

--
-- Name: FUNCTION monetization_status(user_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.monetization_status(user_id uuid) IS 'Which revenue eligibility conditions an account meets and misses, with the numbers: yours (no argument), or any account''s for staff. Eligible when every condition is met.';

--
-- Name: mutes; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.mutes (
    muter_id uuid NOT NULL,
    muted_id uuid NOT NULL,
    expires_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT mutes_check CHECK ((muter_id <> muted_id))
);

--
-- Name: TABLE mutes; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.mutes IS '@signedInOnly
Mutes: the muted account disappears from the muter''s feeds and lists (not from direct fetches). Only the muter sees the row.';

--
-- Name: COLUMN mutes.muter_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.mutes.muter_id IS 'Who muted.';

--
-- Name: COLUMN mutes.muted_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.mutes.muted_id IS 'Who is muted.';

--
-- Name: COLUMN mutes.expires_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.mutes.expires_at IS 'When the mute ends by itself; null: never.';

--
-- Name: COLUMN mutes.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.mutes.created_at IS 'When.';

--
-- Name: mute_user(uuid, timestamp with time zone); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.mute_user(target_id uuid, expires_at timestamp with time zone DEFAULT NULL::timestamp with time zone) RETURNS app_public.mutes
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  row app_public.mutes;
begin
  if target_id = me then
    raise exception 'You cannot mute yourself' using errcode = 'INVAL';
  end if;
  if expires_at is not null and expires_at <= now() then
    raise exception 'A mute must end in the future' using errcode = 'INVAL';
  end if;
  if not exists (select 1 from app_public.profiles where id = target_id) then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  insert into app_public.mutes (muter_id, muted_id, expires_at) values (me, target_id, mute_user.expires_at)
  on conflict (muter_id, muted_id) do update set expires_at = excluded.expires_at, created_at = now()
  returning * into row;
  return row;
end;
$$;

--
-- Name: FUNCTION mute_user(target_id uuid, expires_at timestamp with time zone); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.mute_user(target_id uuid, expires_at timestamp with time zone) IS 'Mute an account, until `expiresAt` or for good.';

--
-- Name: notifications_actors(app_public.notifications); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.notifications_actors(n app_public.notifications) RETURNS SETOF app_public.profiles
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select p.* from unnest(n.actor_ids) with ordinality a(id, i) join app_public.profiles p on p.id = a.id order by a.i
$$;

--
-- Name: FUNCTION notifications_actors(n app_public.notifications); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.notifications_actors(n app_public.notifications) IS '@fieldName actors
The latest accounts who took part (up to 3), most recent first.';

--
-- Name: pause_sponsored_post(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.pause_sponsored_post(id uuid) RETURNS app_public.sponsored_posts
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  row app_public.sponsored_posts;
begin
  update app_public.sponsored_posts s set status = 'paused', paused_reason = 'sponsor', paused_at = now()
   where s.id = pause_sponsored_post.id and s.sponsor_id = me
  returning * into row;
  if row is null then
    raise exception 'No such campaign of yours' using errcode = 'NTFND';
  end if;
  return row;
end;
$$;

--
-- Name: FUNCTION pause_sponsored_post(id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.pause_sponsored_post(id uuid) IS 'Pause one of your campaigns.';

--
-- Name: posts_demonetized_at(app_public.posts); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.posts_demonetized_at(p app_public.posts) RETURNS timestamp with time zone
    LANGUAGE sql STABLE
    AS $$
  select case when p.author_id = (select auth.uid()) or (select auth.is_moderator()) then p.demonetized_at end
$$;

--
-- Name: FUNCTION posts_demonetized_at(p app_public.posts); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.posts_demonetized_at(p app_public.posts) IS 'When the post was demonetized: for its owner and staff; null for everyone else.';

--
-- Name: posts_is_demonetized(app_public.posts); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.posts_is_demonetized(p app_public.posts) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
  select case when p.author_id = (select auth.uid()) or (select auth.is_moderator()) then p.is_demonetized end
$$;

--
-- Name: FUNCTION posts_is_demonetized(p app_public.posts); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.posts_is_demonetized(p app_public.posts) IS 'Whether the post earns nothing (demonetized by reports or by staff): for its owner and staff; null for everyone else.';

--
-- Name: posts_views_count(app_public.posts); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.posts_views_count(p app_public.posts) RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select coalesce((select v.views_count from app_private.post_views v where v.post_id = p.id), 0) $$;

--
-- Name: FUNCTION posts_views_count(p app_public.posts); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.posts_views_count(p app_public.posts) IS 'Counted views (once per viewer or anonymous IP per 24 hours).';

--
-- Name: profiles_demonetized_at(app_public.profiles); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.profiles_demonetized_at(p app_public.profiles) RETURNS timestamp with time zone
    LANGUAGE sql STABLE
    AS $$
  select case when p.id = (select auth.uid()) or (select auth.is_moderator()) then p.demonetized_at end
$$;

--
-- Name: FUNCTION profiles_demonetized_at(p app_public.profiles); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.profiles_demonetized_at(p app_public.profiles) IS 'When the account was demonetized: for its owner and staff; null for everyone else.';

--
-- Name: profiles_is_demonetized(app_public.profiles); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.profiles_is_demonetized(p app_public.profiles) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
  select case when p.id = (select auth.uid()) or (select auth.is_moderator()) then p.is_demonetized end
$$;

--
-- Name: FUNCTION profiles_is_demonetized(p app_public.profiles); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.profiles_is_demonetized(p app_public.profiles) IS 'Whether the account earns nothing (demonetized by reports or by staff): for its owner and staff; null for everyone else.';

--
-- Name: profiles_is_suspended(app_public.profiles); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.profiles_is_suspended(p app_public.profiles) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select p.suspended_at is not null and coalesce(p.suspended_until > now(), true) $$;

--
-- Name: FUNCTION profiles_is_suspended(p app_public.profiles); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.profiles_is_suspended(p app_public.profiles) IS 'Whether the account is suspended now: it can read but not post, comment, like, repost, follow, like profiles, report or sponsor, and is left out of explore.';

--
-- Name: profiles_last_active_at(app_public.profiles); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.profiles_last_active_at(p app_public.profiles) RETURNS timestamp with time zone
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select a.last_active_at from app_private.user_activity a
   where a.user_id = p.id and app_hidden.can_view_active_status(auth.uid(), p.id)
$$;

--
-- Name: FUNCTION profiles_last_active_at(p app_public.profiles); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.profiles_last_active_at(p app_public.profiles) IS 'When the user was last active, if their active-status setting lets you see it; otherwise null.';

--
-- Name: profiles_timeline(app_public.profiles, text, integer); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.profiles_timeline(profile app_public.profiles, cursor text DEFAULT NULL::text, max_results integer DEFAULT 20) RETURNS SETOF app_public.feed_entry
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := auth.uid();
  c record := app_private.feed_cursor_parts(cursor);
  n integer := least(greatest(coalesce(max_results, 20), 1), 100);
  nil constant uuid := '00000000-0000-0000-0000-000000000000';
  window_size integer := n + 10;
  candidates app_public.feed_entry[];
  page app_public.feed_entry[];
begin
  if app_private.is_blocked_pair(me, profile.id) then
    return;
  end if;
  loop
    select array_agg(row(e.post_id, e.reposted_by_id, e.feed_at, null)::app_public.feed_entry
                     order by e.feed_at desc, e.post_id desc, coalesce(e.reposted_by_id, nil) desc)
      into candidates
      from (
        select * from (
          (select p.id as post_id, null::uuid as reposted_by_id, p.created_at as feed_at
             from app_public.posts p
            where p.author_id = profile.id
              and (p.created_at, p.id) <= (c.feed_at, c.post_id)
              and ((p.created_at, p.id) < (c.feed_at, c.post_id) or c.reposter <> nil)
              and p.deleted_at is null
            order by p.created_at desc, p.id desc
            limit window_size)
          union all
          (select r.post_id, r.user_id, r.created_at
             from app_public.reposts r
            where r.user_id = profile.id
              and (r.created_at, r.post_id) <= (c.feed_at, c.post_id)
              and ((r.created_at, r.post_id) < (c.feed_at, c.post_id) or profile.id < c.reposter)
            order by r.created_at desc, r.post_id desc
            limit window_size)
        ) u
        order by feed_at desc, post_id desc, coalesce(reposted_by_id, nil) desc
        limit window_size
      ) e;
    select array_agg(v) into page from app_private.visible_entries(me, candidates) v;
    exit when coalesce(cardinality(page), 0) >= n or coalesce(cardinality(candidates), 0) < window_size or window_size >= 1000;
    window_size := window_size * 4;
  end loop;
  return query select * from unnest(page) limit n;
end;
$$;

--
-- Name: FUNCTION profiles_timeline(profile app_public.profiles, cursor text, max_results integer); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.profiles_timeline(profile app_public.profiles, cursor text, max_results integer) IS 'This user''s posts and reposts that you may see, newest first; up to `maxResults` (at most 100) after `cursor`.';

--
-- Name: profiles_viewer_can_message(app_public.profiles); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.profiles_viewer_can_message(p app_public.profiles) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select app_hidden.can_message_user(auth.uid(), p.id) $$;

--
-- Name: FUNCTION profiles_viewer_can_message(p app_public.profiles); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.profiles_viewer_can_message(p app_public.profiles) IS 'Whether you may send this user a direct message (their setting, a reply, never across a block); false when signed out.';

--
-- Name: profiles_viewer_follow_status(app_public.profiles); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.profiles_viewer_follow_status(p app_public.profiles) RETURNS app_public.follow_status
    LANGUAGE sql STABLE
    AS $$
  select f.status from app_public.followers f where f.follower_id = auth.uid() and f.following_id = p.id
$$;

--
-- Name: FUNCTION profiles_viewer_follow_status(p app_public.profiles); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.profiles_viewer_follow_status(p app_public.profiles) IS 'Whether you follow this account: approved, pending (requested), or null.';

--
-- Name: record_sponsored_impression(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.record_sponsored_impression(sponsored_post_id uuid) RETURNS app_public.sponsored_interactions
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  s app_public.sponsored_posts;
begin
  -- SECURITY DEFINER: charges the sponsor's credits and reads their campaign.
  select * into s from app_private.sponsored_candidates(me) c where c.id = record_sponsored_impression.sponsored_post_id;
  if not found or not app_hidden.can_see_post(me, s.post_id) then
    raise exception 'No such sponsored post for you' using errcode = 'NTFND';
  end if;
  return app_private.charge_sponsored_interaction(s.id, me, 'impression');
end;
$$;

--
-- Name: FUNCTION record_sponsored_impression(sponsored_post_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.record_sponsored_impression(sponsored_post_id uuid) IS 'Record that you were shown a sponsored post (from `sponsoredEntries`). The sponsor is charged its cost per impression once per viewer per UTC day; returns null when nothing was charged (already today, or the campaign is paused).';

--
-- Name: reject_follow_request(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.reject_follow_request(follower_id uuid) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
begin
  delete from app_public.followers f
   where f.follower_id = reject_follow_request.follower_id and f.following_id = me and f.status = 'pending';
  return found;
end;
$$;

--
-- Name: FUNCTION reject_follow_request(follower_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.reject_follow_request(follower_id uuid) IS 'Decline a request to follow you. True if there was one.';

--
-- Name: reject_withdrawal(uuid, text); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.reject_withdrawal(request_id uuid, reason text) RETURNS app_public.withdrawal_requests
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app_private.require_admin();
  if coalesce(btrim(reason), '') = '' then
    raise exception 'Say why the withdrawal is rejected' using errcode = 'INVAL';
  end if;
  return app_private.move_withdrawal(request_id, '{pending,approved}', 'rejected', reason);
end;
$$;

--
-- Name: FUNCTION reject_withdrawal(request_id uuid, reason text); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.reject_withdrawal(request_id uuid, reason text) IS 'Admins: reject a pending or approved withdrawal, saying why; its amount is available again.';

--
-- Name: remove_follower(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.remove_follower(follower_id uuid) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
begin
  delete from app_public.followers f where f.follower_id = remove_follower.follower_id and f.following_id = me;
  return found;
end;
$$;

--
-- Name: FUNCTION remove_follower(follower_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.remove_follower(follower_id uuid) IS 'Make someone stop following you. True if they did.';

--
-- Name: post_reports; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.post_reports (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    post_id uuid NOT NULL,
    reporter_id uuid NOT NULL,
    reason app_public.report_reason NOT NULL,
    details text,
    status app_public.report_status DEFAULT 'open'::app_public.report_status NOT NULL,
    resolved_by uuid,
    resolved_at timestamp with time zone,
    resolution_note text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT _details_length CHECK (app_private.check_length(details, 1000, 'Report details'::text)),
    CONSTRAINT _resolution_note_length CHECK (app_private.check_length(resolution_note, 1000, 'A moderation note'::text)),
    CONSTRAINT post_reports_details_check CHECK ((char_length(details) <= 1000)),
    CONSTRAINT post_reports_resolution_note_check CHECK ((char_length(resolution_note) <= 1000))
);

--
-- Name: TABLE post_reports; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.post_reports IS '@signedInOnly
Reports of posts, one per reporter per post. Reporters see their own; staff see all (the queue: status open, oldest first). Report with `reportPost`.';

--
-- Name: COLUMN post_reports.id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_reports.id IS 'The report''s id.';

--
-- Name: COLUMN post_reports.post_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_reports.post_id IS 'The post reported.';

--
-- Name: COLUMN post_reports.reporter_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_reports.reporter_id IS 'Who reported it.';

--
-- Name: COLUMN post_reports.reason; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_reports.reason IS 'Why.';

--
-- Name: COLUMN post_reports.details; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_reports.details IS 'The reporter''s words, up to 1000 characters.';

--
-- Name: COLUMN post_reports.status; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_reports.status IS 'open, upheld or dismissed.';

--
-- Name: COLUMN post_reports.resolved_by; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_reports.resolved_by IS 'The staff member who resolved it.';

--
-- Name: COLUMN post_reports.resolved_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_reports.resolved_at IS 'When it was resolved.';

--
-- Name: COLUMN post_reports.resolution_note; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_reports.resolution_note IS 'The staff member''s note.';

--
-- Name: COLUMN post_reports.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_reports.created_at IS 'When reported.';

--
-- Name: report_post(uuid, app_public.report_reason, text); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.report_post(post_id uuid, reason app_public.report_reason, details text DEFAULT NULL::text) RETURNS app_public.post_reports
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  p app_public.posts := app_private.require_visible_post(post_id);
  row app_public.post_reports;
begin
  if p.author_id = me then
    raise exception 'You cannot report your own post' using errcode = 'INVAL';
  end if;
  insert into app_public.post_reports (post_id, reporter_id, reason, details)
  values (p.id, me, reason, nullif(btrim(details), ''))
  on conflict on constraint post_reports_post_id_reporter_id_key do nothing
  returning * into row;
  if row is null then
    raise exception 'You have already reported this post' using errcode = 'CONFL';
  end if;
  return row;
end;
$$;

--
-- Name: FUNCTION report_post(post_id uuid, reason app_public.report_reason, details text); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.report_post(post_id uuid, reason app_public.report_reason, details text) IS 'Report a post you can see, once, with a reason and optional details. At the setting `demonetize_post_reports` distinct reporters the post is demonetized.';

--
-- Name: repost_post(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.repost_post(post_id uuid) RETURNS app_public.posts
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  p app_public.posts := app_private.require_visible_post(post_id);
begin
  -- Only what everyone may see can be shared on: someone else's public post of a public account.
  if p.author_id <> me and (p.audience <> 'public' or p.is_paid
                             or (select a.is_private from app_public.profiles a where a.id = p.author_id)) then
    raise exception 'This post cannot be reposted' using errcode = 'DNIED';
  end if;
  insert into app_public.reposts (post_id, user_id) values (p.id, me) on conflict do nothing;
  select * into p from app_public.posts where id = p.id;
  return p;
end;
$$;

--
-- Name: FUNCTION repost_post(post_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.repost_post(post_id uuid) IS 'Repost a post you can see. Someone else''s post must be public (and its author''s account not private). Reposting again changes nothing.';

--
-- Name: verification_requests; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.verification_requests (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    reason text NOT NULL,
    status app_public.verification_status DEFAULT 'pending'::app_public.verification_status NOT NULL,
    reviewed_by uuid,
    reviewed_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT _reason_length CHECK (app_private.check_length(reason, 1000, 'A reason'::text)),
    CONSTRAINT verification_requests_reason_check CHECK (((char_length(reason) >= 1) AND (char_length(reason) <= 1000)))
);

--
-- Name: TABLE verification_requests; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.verification_requests IS '@signedInOnly
Requests for the verified badge; their authors and staff see them.';

--
-- Name: COLUMN verification_requests.id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.verification_requests.id IS 'The request''s id.';

--
-- Name: COLUMN verification_requests.user_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.verification_requests.user_id IS 'Who asked.';

--
-- Name: COLUMN verification_requests.reason; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.verification_requests.reason IS 'Why the account should be verified.';

--
-- Name: COLUMN verification_requests.status; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.verification_requests.status IS 'pending, approved or rejected.';

--
-- Name: COLUMN verification_requests.reviewed_by; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.verification_requests.reviewed_by IS 'The staff member who decided.';

--
-- Name: COLUMN verification_requests.reviewed_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.verification_requests.reviewed_at IS 'When it was decided.';

--
-- Name: COLUMN verification_requests.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.verification_requests.created_at IS 'When asked.';

--
-- Name: request_verification(text); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.request_verification(reason text) RETURNS app_public.verification_requests
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  row app_public.verification_requests;
begin
  if (select is_verified from app_public.profiles where id = me) then
    raise exception 'Your account is already verified' using errcode = 'CONFL';
  end if;
  insert into app_public.verification_requests (user_id, reason) values (me, reason)
  on conflict (user_id) where status = 'pending' do nothing returning * into row;
  if row is null then
    raise exception 'You already have a pending request' using errcode = 'CONFL';
  end if;
  return row;
end;
$$;

--
-- Name: FUNCTION request_verification(reason text); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.request_verification(reason text) IS 'Ask for the verified badge.';

--
-- Name: request_withdrawal(app_public.money, text); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.request_withdrawal(amount app_public.money, idempotency_key text DEFAULT NULL::text) RETURNS app_public.withdrawal_requests
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  info app_public.withdrawal_info;
  available numeric;
  row app_public.withdrawal_requests;
begin
  if amount is null or amount <= 0 or amount <> round(amount, 4) then
    raise exception 'The amount must be positive, with at most 4 decimals' using errcode = 'INVAL';
  end if;
  if amount < app_private.setting('withdrawal_min_amount')::numeric then
    raise exception 'The smallest withdrawal is %', app_private.setting('withdrawal_min_amount') using errcode = 'INVAL';
  end if;
  select * into info from app_public.withdrawal_info i where i.user_id = me for update;
  if not found then
    raise exception 'Save your payout details first (saveWithdrawalInfo)' using errcode = 'INVAL';
  end if;
  -- A retry (same key) returns the first request; the lock above orders a user's requests.
  if idempotency_key is not null then
    select * into row from app_public.withdrawal_requests w
     where w.user_id = me and w.idempotency_key = request_withdrawal.idempotency_key;
    if found then
      if row.amount <> amount then
        raise exception 'This idempotency key was used for a request of %', row.amount using errcode = 'CONFL';
      end if;
      return row;
    end if;
  end if;
  if app_private.is_cheat_flagged(me) then
    raise exception 'Your account is under review for cheating; withdrawals wait until it is cleared' using errcode = 'DNIED';
  end if;
  available := app_private.available_balance(me);
  if amount > available then
    raise exception 'Insufficient balance: % available', available using errcode = 'FUNDS';
  end if;
  insert into app_public.withdrawal_requests (user_id, amount, method, details, idempotency_key)
  values (me, amount, info.method, info.details, request_withdrawal.idempotency_key)
  returning * into row;
  return row;
end;
$$;

--
-- Name: FUNCTION request_withdrawal(amount app_public.money, idempotency_key text); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.request_withdrawal(amount app_public.money, idempotency_key text) IS 'Ask to withdraw `amount` of your revenue, to your saved payout details. At most the available balance (FUNDS otherwise); not while flagged for cheating. With `idempotencyKey`, a retry returns the first request (CONFL if the amount differs).';

--
-- Name: resolve_post_report(uuid, boolean, text); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.resolve_post_report(report_id uuid, upheld boolean, note text DEFAULT NULL::text) RETURNS app_public.post_reports
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  row app_public.post_reports;
begin
  perform app_private.require_moderator();
  if upheld is null then
    raise exception 'Say whether the report is upheld' using errcode = 'INVAL';
  end if;
  update app_public.post_reports r
     set status = case when upheld then 'upheld' else 'dismissed' end::app_public.report_status,
         resolved_by = auth.uid(), resolved_at = now(), resolution_note = nullif(btrim(note), '')
   where r.id = report_id and r.status = 'open'
  returning * into row;
  if row is null then
    raise exception 'No such open report' using errcode = 'NTFND';
  end if;
  insert into app_public.moderation_actions (actor_id, action, post_id, report_id, note)
  values (auth.uid(), 'resolve_report', row.post_id, row.id, case when upheld then 'upheld' else 'dismissed' end || coalesce(': ' || row.resolution_note, ''));
  return row;
end;
$$;

--
-- Name: FUNCTION resolve_post_report(report_id uuid, upheld boolean, note text); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.resolve_post_report(report_id uuid, upheld boolean, note text) IS 'Staff: resolve an open report, upheld or dismissed (a dismissed report no longer counts toward demonetization).';

--
-- Name: restore_account_monetization(uuid, text); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.restore_account_monetization(user_id uuid, note text DEFAULT NULL::text) RETURNS app_public.profiles
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  account app_public.profiles;
begin
  perform app_private.require_moderator();
  update app_public.profiles p set is_demonetized = false, demonetized_at = null
   where p.id = restore_account_monetization.user_id and p.is_demonetized
  returning * into account;
  if account is null then
    raise exception 'No such demonetized account' using errcode = 'NTFND';
  end if;
  insert into app_public.moderation_actions (actor_id, action, target_user_id, note)
  values (auth.uid(), 'restore_account', account.id, nullif(btrim(note), ''));
  return account;
end;
$$;

--
-- Name: FUNCTION restore_account_monetization(user_id uuid, note text); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.restore_account_monetization(user_id uuid, note text) IS 'Staff: restore a demonetized account (it earns again).';

--
-- Name: restore_post_monetization(uuid, text); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.restore_post_monetization(post_id uuid, note text DEFAULT NULL::text) RETURNS app_public.posts
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  p app_public.posts;
begin
  perform app_private.require_moderator();
  select * into p from app_public.posts where id = restore_post_monetization.post_id for no key update;
  if not found then
    raise exception 'No such post' using errcode = 'NTFND';
  end if;
  if not p.is_demonetized then
    raise exception 'This post is not demonetized' using errcode = 'CONFL';
  end if;
  update app_public.posts set is_demonetized = false, demonetized_at = null where id = p.id returning * into p;
  -- Its open reports are dismissed: ten new reporters are needed to demonetize it again.
  update app_public.post_reports r
     set status = 'dismissed', resolved_by = auth.uid(), resolved_at = now(), resolution_note = coalesce(nullif(btrim(note), ''), 'post restored')
   where r.post_id = p.id and r.status = 'open';
  insert into app_public.moderation_actions (actor_id, action, post_id, target_user_id, note)
  values (auth.uid(), 'restore_post', p.id, p.author_id, nullif(btrim(note), ''));
  return p;
end;
$$;

--
-- Name: FUNCTION restore_post_monetization(post_id uuid, note text); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.restore_post_monetization(post_id uuid, note text) IS 'Staff: restore a demonetized post (it earns again); its open reports are dismissed. The account''s own demonetization is restored separately.';

--
-- Name: resume_sponsored_post(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.resume_sponsored_post(id uuid) RETURNS app_public.sponsored_posts
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  balance numeric;
  row app_public.sponsored_posts;
begin
  select c.balance into balance from app_public.sponsor_credits c where c.sponsor_id = me for update;
  select * into row from app_public.sponsored_posts s where s.id = resume_sponsored_post.id and s.sponsor_id = me for no key update;
  if not found then
    raise exception 'No such campaign of yours' using errcode = 'NTFND';
  end if;
  if not app_private.sponsored_post_fundable(row, 'infinity') then
    raise exception 'The campaign''s budget is spent; raise it first' using errcode = 'INVAL';
  end if;
  if not app_private.sponsored_post_fundable(row, balance) then
    raise exception 'Your credits cannot pay this campaign''s next charge' using errcode = 'FUNDS';
  end if;
  update app_public.sponsored_posts s set status = 'active', paused_reason = null, paused_at = null
   where s.id = row.id
  returning * into row;
  return row;
end;
$$;

--
-- Name: FUNCTION resume_sponsored_post(id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.resume_sponsored_post(id uuid) IS 'Resume one of your campaigns (after raising its budget, if that is why it paused). FUNDS when your credits cannot pay its next charge.';

--
-- Name: review_verification_request(uuid, boolean); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.review_verification_request(request_id uuid, approve boolean) RETURNS app_public.verification_requests
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  row app_public.verification_requests;
begin
  perform app_private.require_user();
  if not auth.is_moderator() then
    raise exception 'Only staff may review verification requests' using errcode = 'DNIED';
  end if;
  update app_public.verification_requests
     set status = case when approve then 'approved' else 'rejected' end::app_public.verification_status,
         reviewed_by = auth.uid(), reviewed_at = now()
   where id = request_id and status = 'pending'
  returning * into row;
  if row is null then
    raise exception 'No such pending request' using errcode = 'NTFND';
  end if;
  if approve then
    update app_public.profiles set is_verified = true where id = row.user_id;
  end if;
  return row;
end;
$$;

--
-- Name: FUNCTION review_verification_request(request_id uuid, approve boolean); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.review_verification_request(request_id uuid, approve boolean) IS 'Staff: approve (the account gets the badge) or reject a verification request.';

--
-- Name: withdrawal_info; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.withdrawal_info (
    user_id uuid NOT NULL,
    method text NOT NULL,
    details jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT _details_length CHECK (app_private.check_length((details)::text, 2000, 'Payout details'::text)),
    CONSTRAINT withdrawal_info_details_check CHECK (((jsonb_typeof(details) = 'object'::text) AND (details <> '{}'::jsonb) AND (length((details)::text) <= 2000))),
    CONSTRAINT withdrawal_info_method_check CHECK ((method = ANY (ARRAY['bank_transfer'::text, 'paypal'::text])))
);

--
-- Name: TABLE withdrawal_info; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.withdrawal_info IS '@signedInOnly
Where a creator''s withdrawals are paid. Only the creator and admins see it; change it with `saveWithdrawalInfo`.';

--
-- Name: COLUMN withdrawal_info.user_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.withdrawal_info.user_id IS 'The creator.';

--
-- Name: COLUMN withdrawal_info.method; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.withdrawal_info.method IS 'bank_transfer or paypal.';

--
-- Name: COLUMN withdrawal_info.details; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.withdrawal_info.details IS 'Payout details for the method, e.g. {"iban": "…", "holder": "…"} or {"email": "…"}.';

--
-- Name: COLUMN withdrawal_info.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.withdrawal_info.created_at IS 'When first saved.';

--
-- Name: COLUMN withdrawal_info.updated_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.withdrawal_info.updated_at IS 'When last changed.';

--
-- Name: save_withdrawal_info(text, jsonb); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.save_withdrawal_info(method text, details jsonb) RETURNS app_public.withdrawal_info
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  row app_public.withdrawal_info;
begin
  if method is null or method not in ('bank_transfer', 'paypal') then
    raise exception 'The method must be bank_transfer or paypal' using errcode = 'INVAL';
  end if;
  if details is null or jsonb_typeof(details) <> 'object' or details = '{}' then
    raise exception 'Give the payout details as an object' using errcode = 'INVAL';
  end if;
  insert into app_public.withdrawal_info as i (user_id, method, details) values (me, method, details)
  on conflict (user_id) do update set method = excluded.method, details = excluded.details
  returning * into row;
  return row;
end;
$$;

--
-- Name: FUNCTION save_withdrawal_info(method text, details jsonb); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.save_withdrawal_info(method text, details jsonb) IS 'Save where your withdrawals are paid: method bank_transfer or paypal, and its details.';

--
-- Name: send_message(uuid, text); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.send_message(recipient_id uuid, body text) RETURNS app_public.messages
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  text_ text := btrim(coalesce(body, ''));
  max_length integer := app_private.setting('message_max_length')::integer;
  conversation uuid;
  enc record;
  m app_public.messages;
begin
  if text_ = '' then
    raise exception 'A message needs some text' using errcode = 'INVAL';
  end if;
  if char_length(text_) > max_length then
    raise exception 'A message can be at most % characters (this one has %)', max_length, char_length(text_) using errcode = 'INVAL';
  end if;
  if recipient_id = me then
    raise exception 'You cannot message yourself' using errcode = 'INVAL';
  end if;
  if not exists (select 1 from app_public.profiles p where p.id = send_message.recipient_id)
     or app_private.is_blocked_pair(me, recipient_id) then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  if not app_hidden.can_message_user(me, recipient_id) then
    raise exception 'This account does not accept messages from you' using errcode = 'DNIED';
  end if;

  conversation := app_public.generate_conversation_id(me, recipient_id);
  -- The conversation row is the lock that orders sends and clears
  -- (delete_conversation); times are taken once it is held, so a message is
  -- never older than a clear that committed before it.
  insert into app_public.conversations as c (id, last_message_at) values (conversation, clock_timestamp())
  on conflict (id) do update set last_message_at = greatest(c.last_message_at, clock_timestamp());
  insert into app_public.conversation_participants (conversation_id, user_id)
  values (conversation, me), (conversation, recipient_id) on conflict do nothing;
  update app_public.conversation_participants p set last_sent_at = now() where p.conversation_id = conversation and p.user_id = me;

  select * into enc from app_private.encrypt_message_body(text_);
  insert into app_public.messages (conversation_id, sender_id, ciphertext, key_id, created_at)
  values (conversation, me, enc.ciphertext, enc.key_id, clock_timestamp())
  returning * into m;
  return m;
end;
$$;

--
-- Name: FUNCTION send_message(recipient_id uuid, body text); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.send_message(recipient_id uuid, body text) IS 'Send a direct message (at most the setting `message_max_length` characters) to someone who accepts messages from you (`Profile.viewerCanMessage`). Starts the conversation if needed.';

--
-- Name: sponsored_entries(app_public.sponsored_placement, integer); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.sponsored_entries(placement app_public.sponsored_placement, page_size integer DEFAULT 20) RETURNS SETOF app_public.sponsored_entry
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select v.id, v.post_id, (10 * row_number() over (order by v.rank))::integer
    from (
      select c.id, c.post_id, c.rank
        from (
          select s.id, s.post_id,
                 row_number() over (order by exists (select 1 from app_public.sponsored_interactions i
                                                      where i.sponsored_post_id = s.id and i.viewer_id = auth.uid()
                                                        and i.kind = 'impression' and i.day = app_private.utc_today()),
                                             s.cost_per_impression desc, s.id) as rank
            from app_private.sponsored_candidates(auth.uid()) s
            join app_public.sponsor_credits cr on cr.sponsor_id = s.sponsor_id
           where s.status = 'active'
             and sponsored_entries.placement = any (s.placements)
             and app_private.sponsored_post_fundable(s, cr.balance)
           order by rank
          offset 0
        ) c
       where app_hidden.can_see_post(auth.uid(), c.post_id)
       order by c.rank
       limit least(greatest(coalesce(page_size, 20), 1), 100) / 10
    ) v
$$;

--
-- Name: FUNCTION sponsored_entries(placement app_public.sponsored_placement, page_size integer); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.sponsored_entries(placement app_public.sponsored_placement, page_size integer) IS 'Sponsored posts to mix into a page of `pageSize` items (at most 100) of the home feed or explore, for you: at most one per 10 items, at `position` 10, 20, …; none when signed out. Campaigns not yet shown to you today come first, then the highest cost per impression. Record each one shown with `recordSponsoredImpression`.';

--
-- Name: sponsored_entry_post(app_public.sponsored_entry); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.sponsored_entry_post(e app_public.sponsored_entry) RETURNS app_public.posts
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select p.* from app_public.posts p where p.id = e.post_id $$;

--
-- Name: FUNCTION sponsored_entry_post(e app_public.sponsored_entry); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.sponsored_entry_post(e app_public.sponsored_entry) IS '@behavior -queryField
The post.';

--
-- Name: suspend_account(uuid, text, timestamp with time zone); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.suspend_account(user_id uuid, reason text, until timestamp with time zone DEFAULT NULL::timestamp with time zone) RETURNS app_public.profiles
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  account app_public.profiles;
begin
  perform app_private.require_moderator();
  if coalesce(btrim(reason), '') = '' then
    raise exception 'A suspension needs a reason' using errcode = 'INVAL';
  end if;
  if until is not null and until <= now() then
    raise exception 'A suspension must end in the future' using errcode = 'INVAL';
  end if;
  if user_id = auth.uid() then
    raise exception 'You cannot suspend yourself' using errcode = 'INVAL';
  end if;
  if app_private.is_staff(user_id) then
    raise exception 'Staff accounts cannot be suspended; remove the staff role first' using errcode = 'DNIED';
  end if;
  update app_public.profiles p set suspended_at = now(), suspended_until = suspend_account.until
   where p.id = suspend_account.user_id
  returning * into account;
  if account is null then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  insert into app_public.moderation_actions (actor_id, action, target_user_id, note)
  values (auth.uid(), 'suspend_account', account.id, btrim(reason) || coalesce(' (until ' || until || ')', ' (until lifted)'));
  return account;
end;
$$;

--
-- Name: FUNCTION suspend_account(user_id uuid, reason text, until timestamp with time zone); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.suspend_account(user_id uuid, reason text, until timestamp with time zone) IS 'Staff: suspend an account, until `until` or until lifted. It can still sign in and read, but cannot post, comment, like, repost, follow, like profiles, report or sponsor, and is left out of explore.';

--
-- Name: track_post_events(uuid[], uuid[]); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.track_post_events(view_post_ids uuid[] DEFAULT '{}'::uuid[], like_post_ids uuid[] DEFAULT '{}'::uuid[]) RETURNS app_public.tracked_events
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := auth.uid();
  ip inet := app_private.request_ip();
  counted uuid[];
  liked integer;
begin
  if coalesce(cardinality(view_post_ids), 0) + coalesce(cardinality(like_post_ids), 0) > 500 then
    raise exception 'At most 500 events per batch' using errcode = 'INVAL';
  end if;
  if cardinality(like_post_ids) > 0 then
    perform app_private.require_user();
  end if;
  counted := app_private.count_post_views(
    (select coalesce(jsonb_agg(jsonb_build_object('post_id', v.post_id, 'viewer_id', me, 'ip', ip, 'at', now())), '[]')
       from unnest(view_post_ids) as v(post_id)));
  perform app_private.add_post_views(counted);
  with l as (
    insert into app_public.likes (post_id, user_id)
    select distinct x.post_id, me from unnest(like_post_ids) as x(post_id)
     where app_hidden.can_see_post(me, x.post_id)
       and exists (select 1 from app_public.posts p where p.id = x.post_id and p.deleted_at is null)
     -- In post order: the like counters lock posts, and two batches must lock them in the same order.
     order by x.post_id
    on conflict do nothing
    returning 1
  ) select count(*) into liked from l;
  return row(cardinality(counted), liked)::app_public.tracked_events;
end;
$$;

--
-- Name: FUNCTION track_post_events(view_post_ids uuid[], like_post_ids uuid[]); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.track_post_events(view_post_ids uuid[], like_post_ids uuid[]) IS 'Batch of analytics events from a client, as the signed-in user (or anonymously, by IP, for views): views of posts (each counted as `incrementPostViews` does) and likes (as `likePost`; posts you may not see are skipped). At most 500 events.';

--
-- Name: trending_hashtags(integer); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.trending_hashtags(max_results integer DEFAULT 10) RETURNS SETOF app_public.trending_hashtag
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select h.tag, count(*) as posts
    from app_public.post_hashtags ph
    join app_public.posts p on p.id = ph.post_id
    join app_public.hashtags h on h.id = ph.hashtag_id
   where ph.created_at > now() - interval '24 hours'
     and p.deleted_at is null and p.audience = 'public' and not p.is_paid
   group by h.tag
   order by count(*) desc, h.tag
   limit least(greatest(coalesce(max_results, 10), 1), 50)
$$;

--
-- Name: FUNCTION trending_hashtags(max_results integer); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.trending_hashtags(max_results integer) IS 'Hashtags of the last 24 hours by how many public posts used them.';

--
-- Name: unblock_user(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.unblock_user(target_id uuid) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
begin
  delete from app_public.blocked_users where blocker_id = me and blocked_id = target_id;
  return found;
end;
$$;

--
-- Name: FUNCTION unblock_user(target_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.unblock_user(target_id uuid) IS 'Lift a block (follows do not come back). True if there was one.';

--
-- Name: unbookmark_post(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.unbookmark_post(post_id uuid) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
begin
  delete from app_public.bookmarks b where b.user_id = me and b.post_id = unbookmark_post.post_id;
  return found;
end;
$$;

--
-- Name: FUNCTION unbookmark_post(post_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.unbookmark_post(post_id uuid) IS 'Remove a saved post. True if it was saved.';

--
-- Name: undo_repost(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.undo_repost(post_id uuid) RETURNS app_public.posts
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
begin
  delete from app_public.reposts r where r.post_id = undo_repost.post_id and r.user_id = me;
  -- The post comes back only if you may see it; one you no longer may see answers null
  -- once your repost of it is gone, and NTFND if there was none.
  if not found and not app_hidden.can_see_post(me, undo_repost.post_id) then
    raise exception 'No such post' using errcode = 'NTFND';
  end if;
  return (select p from app_public.posts p where p.id = undo_repost.post_id and p.deleted_at is null and app_hidden.can_see_post(me, p.id));
end;
$$;

--
-- Name: FUNCTION undo_repost(post_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.undo_repost(post_id uuid) IS 'Take back your repost.';

--
-- Name: unfollow(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.unfollow(target_id uuid) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
begin
  delete from app_public.followers where follower_id = me and following_id = target_id;
  return found;
end;
$$;

--
-- Name: FUNCTION unfollow(target_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.unfollow(target_id uuid) IS 'Stop following an account, or withdraw a follow request. True if there was one.';

--
-- Name: unlike_post(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.unlike_post(post_id uuid) RETURNS app_public.posts
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
begin
  delete from app_public.likes l where l.post_id = unlike_post.post_id and l.user_id = me;
  -- The post comes back only if you may see it; one you no longer may see answers null
  -- once your like of it is gone, and NTFND if there was none.
  if not found and not app_hidden.can_see_post(me, unlike_post.post_id) then
    raise exception 'No such post' using errcode = 'NTFND';
  end if;
  return (select p from app_public.posts p where p.id = unlike_post.post_id and p.deleted_at is null and app_hidden.can_see_post(me, p.id));
end;
$$;

--
-- Name: FUNCTION unlike_post(post_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.unlike_post(post_id uuid) IS 'Take back your like. Returns the post with its new count.';

--
-- Name: unlike_profile(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.unlike_profile(profile_id uuid) RETURNS app_public.profiles
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
  p app_public.profiles;
begin
  delete from app_public.profile_likes l where l.profile_id = unlike_profile.profile_id and l.liker_id = me;
  select * into p from app_public.profiles where id = unlike_profile.profile_id;
  -- The profile comes back only if you may see it (as likeProfile: never across a block).
  if not found or app_private.is_blocked_pair(me, p.id) then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  return p;
end;
$$;

--
-- Name: FUNCTION unlike_profile(profile_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.unlike_profile(profile_id uuid) IS 'Take back your like of a profile.';

--
-- Name: unmute_user(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.unmute_user(target_id uuid) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
begin
  delete from app_public.mutes where muter_id = me and muted_id = target_id;
  return found;
end;
$$;

--
-- Name: FUNCTION unmute_user(target_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.unmute_user(target_id uuid) IS 'Unmute an account. True if it was muted.';

--
-- Name: unread_notification_count(); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.unread_notification_count() RETURNS integer
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  me uuid := app_private.require_user();
begin
  return (select count(*)::integer from app_public.notifications n where n.recipient_id = me and n.read_at is null);
end;
$$;

--
-- Name: FUNCTION unread_notification_count(); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.unread_notification_count() IS 'How many of your notifications are unread (LOGIN when signed out).';

--
-- Name: unsuspend_account(uuid, text); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.unsuspend_account(user_id uuid, note text DEFAULT NULL::text) RETURNS app_public.profiles
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  account app_public.profiles;
begin
  perform app_private.require_moderator();
  update app_public.profiles p set suspended_at = null, suspended_until = null
   where p.id = unsuspend_account.user_id and app_private.is_suspended(p.id)
  returning * into account;
  if account is null then
    raise exception 'No such suspended account' using errcode = 'NTFND';
  end if;
  insert into app_public.moderation_actions (actor_id, action, target_user_id, note)
  values (auth.uid(), 'unsuspend_account', account.id, nullif(btrim(note), ''));
  return account;
end;
$$;

--
-- Name: FUNCTION unsuspend_account(user_id uuid, note text); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.unsuspend_account(user_id uuid, note text) IS 'Staff: lift a suspension now.';

--
-- Name: update_user_cheat_status(uuid); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.update_user_cheat_status(user_id uuid) RETURNS app_public.user_cheat_status
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  verdict jsonb;
  row app_public.user_cheat_status;
begin
  perform app_private.require_staff();
  if not exists (select 1 from app_public.profiles p where p.id = update_user_cheat_status.user_id) then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  verdict := app_public.check_user_cheat_status(user_id);
  insert into app_public.user_cheat_status as s (user_id, is_flagged, signals, checked_at, flagged_at)
  values (user_id, (verdict ->> 'flagged')::boolean, verdict -> 'signals', now(),
          case when (verdict ->> 'flagged')::boolean then now() end)
  on conflict on constraint user_cheat_status_pkey do update
     set signals = excluded.signals, checked_at = excluded.checked_at,
         -- A flag stays until staff clear it.
         is_flagged = s.is_flagged or excluded.is_flagged,
         flagged_at = case when s.is_flagged then s.flagged_at else excluded.flagged_at end
  returning * into row;
  if row.is_flagged and row.flagged_at = now() then
    insert into app_public.cheat_status_events (user_id, action, signals) values (user_id, 'flagged', row.signals);
  end if;
  return row;
end;
$$;

--
-- Name: FUNCTION update_user_cheat_status(user_id uuid); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.update_user_cheat_status(user_id uuid) IS 'Staff and the daily job: check an account and record the verdict. A flag stays until staff clear it (clearCheatFlag); a flagged account earns nothing.';

--
-- Name: user_settings; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.user_settings (
    user_id uuid NOT NULL,
    message_permission app_public.audience_setting DEFAULT 'everyone'::app_public.audience_setting NOT NULL,
    active_status_visibility app_public.audience_setting DEFAULT 'followers'::app_public.audience_setting NOT NULL,
    notification_preferences jsonb DEFAULT '{}'::jsonb NOT NULL,
    accessibility jsonb DEFAULT '{}'::jsonb NOT NULL,
    is_content_creator boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    country text,
    birth_date date,
    interest_categories text[] DEFAULT '{}'::text[] NOT NULL,
    interest_markets text[] DEFAULT '{}'::text[] NOT NULL,
    CONSTRAINT _accessibility_length CHECK (app_private.check_length((accessibility)::text, 2000, 'Accessibility settings'::text)),
    CONSTRAINT _country_length CHECK (app_private.check_length(country, 2, 'A country code'::text)),
    CONSTRAINT _interest_categories_length CHECK (app_private.check_length((interest_categories)::text, 2000, 'Interest categories'::text)),
    CONSTRAINT _interest_markets_length CHECK (app_private.check_length((interest_markets)::text, 2000, 'Interest markets'::text)),
    CONSTRAINT _notification_preferences_length CHECK (app_private.check_length((notification_preferences)::text, 2000, 'Notification preferences'::text)),
    CONSTRAINT user_settings_accessibility_check CHECK ((jsonb_typeof(accessibility) = 'object'::text)),
    CONSTRAINT user_settings_birth_date_check CHECK ((birth_date >= '1900-01-01'::date)),
    CONSTRAINT user_settings_country_check CHECK ((country ~ '^[A-Z]{2}$'::text)),
    CONSTRAINT user_settings_interest_categories_check CHECK ((cardinality(interest_categories) <= 20)),
    CONSTRAINT user_settings_interest_markets_check CHECK ((cardinality(interest_markets) <= 20)),
    CONSTRAINT user_settings_notification_preferences_check CHECK ((jsonb_typeof(notification_preferences) = 'object'::text))
);

--
-- Name: TABLE user_settings; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.user_settings IS '@signedInOnly
A user''s own settings; the private-account switch is `Profile.isPrivate`.';

--
-- Name: COLUMN user_settings.user_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_settings.user_id IS 'Whose settings.';

--
-- Name: COLUMN user_settings.message_permission; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_settings.message_permission IS 'Who may send me direct messages.';

--
-- Name: COLUMN user_settings.active_status_visibility; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_settings.active_status_visibility IS 'Who may see when I was last active.';

--
-- Name: COLUMN user_settings.notification_preferences; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_settings.notification_preferences IS 'Per notification type, false turns it off: {"follow": true, "like": false, …}. Types: follow, follow_request, follow_approved, like, comment, reply, mention, repost, message, money.';

--
-- Name: COLUMN user_settings.accessibility; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_settings.accessibility IS 'Client accessibility preferences, e.g. {"reduce_motion": true, "font_scale": 1.25}.';

--
-- Name: COLUMN user_settings.is_content_creator; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_settings.is_content_creator IS 'Creator account (analytics and monetization).';

--
-- Name: COLUMN user_settings.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_settings.created_at IS 'When the settings were created.';

--
-- Name: COLUMN user_settings.updated_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_settings.updated_at IS 'When the settings last changed.';

--
-- Name: COLUMN user_settings.country; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_settings.country IS 'Your country, ISO 3166-1 alpha-2 (e.g. US), for sponsored-post targeting.';

--
-- Name: COLUMN user_settings.birth_date; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_settings.birth_date IS 'Your birth date; only you see it. Sponsored posts target the age band derived from it (`ageBand`).';

--
-- Name: COLUMN user_settings.interest_categories; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_settings.interest_categories IS 'Post categories you are interested in (as in post metadata `category`), for sponsored-post targeting.';

--
-- Name: COLUMN user_settings.interest_markets; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_settings.interest_markets IS 'Markets you are interested in (as in post metadata `market`), for sponsored-post targeting.';

--
-- Name: user_settings_age_band(app_public.user_settings); Type: FUNCTION; Schema: app_public; Owner: -
--

CREATE FUNCTION app_public.user_settings_age_band(s app_public.user_settings) RETURNS app_public.age_band
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select app_private.age_band(s.birth_date, app_private.utc_today()) $$;

--
-- Name: FUNCTION user_settings_age_band(s app_public.user_settings); Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON FUNCTION app_public.user_settings_age_band(s app_public.user_settings) IS 'Your age band today, from your birth date (what sponsored posts target).';

--
-- Name: email(); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.email() RETURNS text
    LANGUAGE sql STABLE
    AS $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

--
-- Name: FUNCTION email(); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.email() IS 'The current user''s email claim, or null.';

--
-- Name: is_admin(); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.is_admin() RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select coalesce(auth.staff_role() = 'admin', false) $$;

--
-- Name: FUNCTION is_admin(); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.is_admin() IS 'True for admins.';

--
-- Name: is_moderator(); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.is_moderator() RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select coalesce(auth.staff_role() in ('moderator', 'admin'), false) $$;

--
-- Name: FUNCTION is_moderator(); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.is_moderator() IS 'True for moderators and admins.';

--
-- Name: jwt(); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.jwt() RETURNS jsonb
    LANGUAGE sql STABLE
    AS $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

--
-- Name: FUNCTION jwt(); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.jwt() IS 'The verified JWT claims of the current request.';

--
-- Name: role(); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.role() RETURNS text
    LANGUAGE sql STABLE
    AS $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

--
-- Name: FUNCTION role(); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.role() IS 'The current request''s role claim: anon, authenticated or service_role.';

--
-- Name: rotate_refresh_token(text, text, interval); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.rotate_refresh_token(presented text, child text, reuse_interval interval) RETURNS TABLE(status text, session_id uuid, user_id uuid, depth integer)
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  t auth.refresh_tokens;
  s auth.sessions;
  live_depth integer;
begin
  select * into t from auth.refresh_tokens rt where rt.token = presented for update;
  if not found then
    return query select 'not_found', null::uuid, null::uuid, 0;
    return;
  end if;
  select * into s from auth.sessions ss where ss.id = t.session_id;
  if s.not_after <= now() then
    return query select 'session_expired', t.session_id, t.user_id, 0;
    return;
  end if;

  if not t.revoked then
    update auth.refresh_tokens set revoked = true, updated_at = now() where id = t.id;
    insert into auth.refresh_tokens (token, user_id, session_id, parent) values (child, t.user_id, t.session_id, presented);
    update auth.sessions set refreshed_at = now(), updated_at = now() where id = t.session_id;
    return query select 'rotated', t.session_id, t.user_id, 1;
    return;
  end if;

  if t.updated_at + reuse_interval >= now() then
    with recursive chain as (
      select rt.token, rt.revoked, 0 as depth from auth.refresh_tokens rt where rt.token = presented
      union all
      select c.token, c.revoked, chain.depth + 1
        from chain join auth.refresh_tokens c on c.parent = chain.token
       where chain.revoked and chain.depth < 100
    )
    select chain.depth into live_depth from chain where not chain.revoked order by chain.depth limit 1;
    if live_depth is not null then
      return query select 'reused', t.session_id, t.user_id, live_depth;
      return;
    end if;
  end if;

  update auth.refresh_tokens set revoked = true, updated_at = now()
   where refresh_tokens.session_id = t.session_id and not revoked;
  return query select 'already_used', t.session_id, t.user_id, 0;
end;
$$;

--
-- Name: FUNCTION rotate_refresh_token(presented text, child text, reuse_interval interval); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.rotate_refresh_token(presented text, child text, reuse_interval interval) IS 'Rotate a refresh token (by hash); detects replays outside the reuse interval and revokes the session.';

--
-- Name: staff_role(); Type: FUNCTION; Schema: auth; Owner: -
--

CREATE FUNCTION auth.staff_role() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select r from (
    select u.raw_app_meta_data ->> 'role' as r from auth.users u where u.id = auth.uid()
  ) x where r in ('moderator', 'admin')
$$;

--
-- Name: FUNCTION staff_role(); Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON FUNCTION auth.staff_role() IS 'The signed-in user''s staff role (moderator or admin), or null.';

--
-- Name: feed_pull_authors; Type: TABLE; Schema: app_private; Owner: -
--

CREATE TABLE app_private.feed_pull_authors (
    author_id uuid NOT NULL,
    since timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE feed_pull_authors; Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON TABLE app_private.feed_pull_authors IS 'Accounts whose posts and reposts home feeds pull at read time instead of receiving them in their cache (they reached feed_push_max_followers).';

--
-- Name: home_feed_versions; Type: TABLE; Schema: app_private; Owner: -
--

CREATE TABLE app_private.home_feed_versions (
    user_id uuid NOT NULL,
    version bigint DEFAULT 0 NOT NULL
);

--
-- Name: TABLE home_feed_versions; Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON TABLE app_private.home_feed_versions IS 'Per user, a counter of changes to the accounts they follow; a cached home feed records the version it was built for.';

--
-- Name: ingested_view_batches; Type: TABLE; Schema: app_private; Owner: -
--

CREATE TABLE app_private.ingested_view_batches (
    batch_id text NOT NULL,
    events integer NOT NULL,
    counted integer DEFAULT 0 NOT NULL,
    ingested_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE ingested_view_batches; Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON TABLE app_private.ingested_view_batches IS 'View batches applied by the counter sync, once each.';

--
-- Name: mail_outbox; Type: TABLE; Schema: app_private; Owner: -
--

CREATE TABLE app_private.mail_outbox (
    id bigint NOT NULL,
    recipient text NOT NULL,
    template text NOT NULL,
    data jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    sent_at timestamp with time zone,
    attempts integer DEFAULT 0 NOT NULL,
    last_error text,
    CONSTRAINT mail_outbox_template_check CHECK ((template = ANY (ARRAY['confirmation'::text, 'recovery'::text, 'magiclink'::text, 'email_change'::text, 'reauthentication'::text, 'invite'::text])))
);

--
-- Name: TABLE mail_outbox; Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON TABLE app_private.mail_outbox IS 'Mail to send; a row per message, queued to the worker by trigger.';

--
-- Name: mail_outbox_id_seq; Type: SEQUENCE; Schema: app_private; Owner: -
--

ALTER TABLE app_private.mail_outbox ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app_private.mail_outbox_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: notification_actors; Type: TABLE; Schema: app_private; Owner: -
--

CREATE TABLE app_private.notification_actors (
    notification_id uuid NOT NULL,
    actor_id uuid NOT NULL
);

--
-- Name: TABLE notification_actors; Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON TABLE app_private.notification_actors IS 'Every distinct actor of each notification (actor_count counts them).';

--
-- Name: notification_pushes; Type: TABLE; Schema: app_private; Owner: -
--

CREATE TABLE app_private.notification_pushes (
    notification_id uuid NOT NULL,
    pushed_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE notification_pushes; Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON TABLE app_private.notification_pushes IS 'Notifications already handed to the push adapter (never pushed again).';

--
-- Name: post_like_logs; Type: TABLE; Schema: app_private; Owner: -
--

CREATE TABLE app_private.post_like_logs (
    id bigint NOT NULL,
    post_id uuid NOT NULL,
    user_id uuid NOT NULL,
    action text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT post_like_logs_action_check CHECK ((action = ANY (ARRAY['like'::text, 'unlike'::text])))
);

--
-- Name: TABLE post_like_logs; Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON TABLE app_private.post_like_logs IS 'Every like and unlike, for analytics and fraud detection.';

--
-- Name: post_like_logs_id_seq; Type: SEQUENCE; Schema: app_private; Owner: -
--

ALTER TABLE app_private.post_like_logs ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app_private.post_like_logs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: post_view_logs; Type: TABLE; Schema: app_private; Owner: -
--

CREATE TABLE app_private.post_view_logs (
    id bigint NOT NULL,
    post_id uuid NOT NULL,
    author_id uuid NOT NULL,
    viewer_id uuid,
    ip inet,
    viewed_at timestamp with time zone NOT NULL
);

--
-- Name: TABLE post_view_logs; Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON TABLE app_private.post_view_logs IS 'Every counted view (author denormalized): revenue, analytics and fraud detection read it.';

--
-- Name: post_view_logs_id_seq; Type: SEQUENCE; Schema: app_private; Owner: -
--

ALTER TABLE app_private.post_view_logs ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app_private.post_view_logs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: post_view_windows; Type: TABLE; Schema: app_private; Owner: -
--

CREATE TABLE app_private.post_view_windows (
    post_id uuid NOT NULL,
    viewer_key text NOT NULL,
    counted_at timestamp with time zone NOT NULL
);

--
-- Name: TABLE post_view_windows; Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON TABLE app_private.post_view_windows IS 'When a viewer (uuid) or an anonymous IP (ip:…) last counted for a post; older than the window: may count again.';

--
-- Name: post_views; Type: TABLE; Schema: app_private; Owner: -
--

CREATE TABLE app_private.post_views (
    post_id uuid NOT NULL,
    views_count bigint DEFAULT 0 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT post_views_views_count_check CHECK ((views_count >= 0))
);

--
-- Name: TABLE post_views; Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON TABLE app_private.post_views IS 'Counted views per post (Post.viewsCount).';

--
-- Name: profile_like_logs; Type: TABLE; Schema: app_private; Owner: -
--

CREATE TABLE app_private.profile_like_logs (
    id bigint NOT NULL,
    profile_id uuid NOT NULL,
    liker_id uuid NOT NULL,
    action text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT profile_like_logs_action_check CHECK ((action = ANY (ARRAY['like'::text, 'unlike'::text])))
);

--
-- Name: TABLE profile_like_logs; Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON TABLE app_private.profile_like_logs IS 'Every profile like and unlike, for analytics and fraud detection.';

--
-- Name: profile_like_logs_id_seq; Type: SEQUENCE; Schema: app_private; Owner: -
--

ALTER TABLE app_private.profile_like_logs ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app_private.profile_like_logs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: revenue_months; Type: TABLE; Schema: app_private; Owner: -
--

CREATE TABLE app_private.revenue_months (
    month date NOT NULL,
    videos integer DEFAULT 0 NOT NULL,
    total numeric(14,4) DEFAULT 0 NOT NULL,
    calculated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT total_is_money CHECK (app_private.check_money(total))
);

--
-- Name: TABLE revenue_months; Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON TABLE app_private.revenue_months IS 'Months whose revenue is calculated: a month is calculated once.';

--
-- Name: settings; Type: TABLE; Schema: app_private; Owner: -
--

CREATE TABLE app_private.settings (
    key text NOT NULL,
    value text NOT NULL,
    description text NOT NULL
);

--
-- Name: TABLE settings; Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON TABLE app_private.settings IS 'Tunable limits read by the rules (post length, …).';

--
-- Name: signed_in_addresses; Type: TABLE; Schema: app_private; Owner: -
--

CREATE TABLE app_private.signed_in_addresses (
    user_id uuid NOT NULL,
    viewer_key text NOT NULL,
    seen_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE signed_in_addresses; Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON TABLE app_private.signed_in_addresses IS 'Where each user was signed in lately (keyed as anonymous views are), to leave their own signed-out views uncounted.';

--
-- Name: user_activity; Type: TABLE; Schema: app_private; Owner: -
--

CREATE TABLE app_private.user_activity (
    user_id uuid NOT NULL,
    last_active_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: worker_heartbeats; Type: TABLE; Schema: app_private; Owner: -
--

CREATE TABLE app_private.worker_heartbeats (
    worker_id text NOT NULL,
    hostname text NOT NULL,
    pid integer NOT NULL,
    started_at timestamp with time zone NOT NULL,
    last_seen_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE worker_heartbeats; Type: COMMENT; Schema: app_private; Owner: -
--

COMMENT ON TABLE app_private.worker_heartbeats IS 'Last sign of life of each worker process.';

--
-- Name: cheat_status_events; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.cheat_status_events (
    id bigint NOT NULL,
    user_id uuid NOT NULL,
    action text NOT NULL,
    actor_id uuid,
    signals jsonb DEFAULT '[]'::jsonb NOT NULL,
    note text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT _note_length CHECK (app_private.check_length(note, 1000, 'A moderation note'::text)),
    CONSTRAINT cheat_status_events_action_check CHECK ((action = ANY (ARRAY['flagged'::text, 'cleared'::text]))),
    CONSTRAINT cheat_status_events_note_check CHECK ((char_length(note) <= 1000))
);

--
-- Name: TABLE cheat_status_events; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.cheat_status_events IS '@signedInOnly
Audit of cheat flags: every flag (by detection) and clearance (by staff). Staff only.';

--
-- Name: COLUMN cheat_status_events.id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.cheat_status_events.id IS 'The event''s id.';

--
-- Name: COLUMN cheat_status_events.user_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.cheat_status_events.user_id IS 'The account.';

--
-- Name: COLUMN cheat_status_events.action; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.cheat_status_events.action IS 'flagged or cleared.';

--
-- Name: COLUMN cheat_status_events.actor_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.cheat_status_events.actor_id IS 'The staff member who cleared; null for automatic flags.';

--
-- Name: COLUMN cheat_status_events.signals; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.cheat_status_events.signals IS 'The evidence at the time.';

--
-- Name: COLUMN cheat_status_events.note; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.cheat_status_events.note IS 'Staff''s reason for clearing.';

--
-- Name: COLUMN cheat_status_events.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.cheat_status_events.created_at IS 'When.';

--
-- Name: cheat_status_events_id_seq; Type: SEQUENCE; Schema: app_public; Owner: -
--

ALTER TABLE app_public.cheat_status_events ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app_public.cheat_status_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: comment_mentions; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.comment_mentions (
    comment_id uuid NOT NULL,
    mentioned_id uuid NOT NULL
);

--
-- Name: TABLE comment_mentions; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.comment_mentions IS '@behavior -query:resource:connection -query:resource:list -query:resource:single
Accounts @mentioned in each comment.';

--
-- Name: COLUMN comment_mentions.comment_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.comment_mentions.comment_id IS 'The comment.';

--
-- Name: COLUMN comment_mentions.mentioned_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.comment_mentions.mentioned_id IS 'The account mentioned.';

--
-- Name: comments; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.comments (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    post_id uuid NOT NULL,
    author_id uuid DEFAULT auth.uid() NOT NULL,
    parent_id uuid,
    body text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted_at timestamp with time zone
);

--
-- Name: TABLE comments; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.comments IS 'Comments on posts, and replies to comments. Visible with their post; deleting is soft.';

--
-- Name: COLUMN comments.id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.comments.id IS 'The comment''s id.';

--
-- Name: COLUMN comments.post_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.comments.post_id IS 'The post commented on.';

--
-- Name: COLUMN comments.author_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.comments.author_id IS 'Who wrote it (the signed-in user).';

--
-- Name: COLUMN comments.parent_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.comments.parent_id IS 'The comment this replies to, if any (same post).';

--
-- Name: COLUMN comments.body; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.comments.body IS 'Text, at most the setting `comment_max_length` characters; @mentions are extracted.';

--
-- Name: COLUMN comments.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.comments.created_at IS 'When written.';

--
-- Name: COLUMN comments.updated_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.comments.updated_at IS 'When last changed.';

--
-- Name: COLUMN comments.deleted_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.comments.deleted_at IS 'When deleted.';

--
-- Name: conversation_participants; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.conversation_participants (
    conversation_id uuid NOT NULL,
    user_id uuid NOT NULL,
    joined_at timestamp with time zone DEFAULT now() NOT NULL,
    last_read_at timestamp with time zone,
    last_sent_at timestamp with time zone,
    cleared_at timestamp with time zone
);

--
-- Name: TABLE conversation_participants; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.conversation_participants IS '@signedInOnly
@behavior -query:resource:connection -query:resource:list -query:resource:single
Who takes part in each conversation; its participants see them.';

--
-- Name: COLUMN conversation_participants.conversation_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.conversation_participants.conversation_id IS 'The conversation.';

--
-- Name: COLUMN conversation_participants.user_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.conversation_participants.user_id IS 'The participant.';

--
-- Name: COLUMN conversation_participants.joined_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.conversation_participants.joined_at IS 'When they joined.';

--
-- Name: COLUMN conversation_participants.last_read_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.conversation_participants.last_read_at IS 'When they last read the conversation (a read receipt).';

--
-- Name: COLUMN conversation_participants.last_sent_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.conversation_participants.last_sent_at IS 'When they last sent a message in it.';

--
-- Name: COLUMN conversation_participants.cleared_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.conversation_participants.cleared_at IS '@behavior -select -filterBy -orderBy -insert -update
They deleted their copy of the conversation up to this time (not shown: the other participant need not know).';

--
-- Name: hashtags; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.hashtags (
    id bigint NOT NULL,
    tag public.citext NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE hashtags; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.hashtags IS 'Every hashtag used, once (case-insensitive).';

--
-- Name: COLUMN hashtags.id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.hashtags.id IS 'The hashtag''s id.';

--
-- Name: COLUMN hashtags.tag; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.hashtags.tag IS 'The tag, without #.';

--
-- Name: COLUMN hashtags.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.hashtags.created_at IS 'First use.';

--
-- Name: hashtags_id_seq; Type: SEQUENCE; Schema: app_public; Owner: -
--

ALTER TABLE app_public.hashtags ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app_public.hashtags_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: likes; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.likes (
    post_id uuid NOT NULL,
    user_id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE likes; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.likes IS '@behavior -query:resource:connection -query:resource:list -query:resource:single
Who liked which post, once each. Like with `likePost`, unlike with `unlikePost`.';

--
-- Name: COLUMN likes.post_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.likes.post_id IS 'The post liked.';

--
-- Name: COLUMN likes.user_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.likes.user_id IS 'Who liked it.';

--
-- Name: COLUMN likes.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.likes.created_at IS 'When.';

--
-- Name: moderation_actions; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.moderation_actions (
    id bigint NOT NULL,
    actor_id uuid,
    action text NOT NULL,
    post_id uuid,
    report_id uuid,
    target_user_id uuid,
    note text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT _note_length CHECK (app_private.check_length(note, 1000, 'A moderation note'::text)),
    CONSTRAINT moderation_actions_action_check CHECK ((action = ANY (ARRAY['demonetize_post'::text, 'demonetize_account'::text, 'resolve_report'::text, 'restore_post'::text, 'restore_account'::text, 'suspend_account'::text, 'unsuspend_account'::text]))),
    CONSTRAINT moderation_actions_note_check CHECK ((char_length(note) <= 1000))
);

--
-- Name: TABLE moderation_actions; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.moderation_actions IS '@signedInOnly
The moderation audit log: every automatic demonetization and every staff action. Staff only.';

--
-- Name: COLUMN moderation_actions.id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.moderation_actions.id IS 'The action''s id.';

--
-- Name: COLUMN moderation_actions.actor_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.moderation_actions.actor_id IS 'The staff member who acted; null for the automatic rules (and for the system).';

--
-- Name: COLUMN moderation_actions.action; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.moderation_actions.action IS 'demonetize_post, demonetize_account, resolve_report, restore_post, restore_account, suspend_account or unsuspend_account.';

--
-- Name: COLUMN moderation_actions.post_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.moderation_actions.post_id IS 'The post concerned, if any.';

--
-- Name: COLUMN moderation_actions.report_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.moderation_actions.report_id IS 'The report resolved, if any.';

--
-- Name: COLUMN moderation_actions.target_user_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.moderation_actions.target_user_id IS 'The account concerned (a post''s author, the account suspended, …).';

--
-- Name: COLUMN moderation_actions.note; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.moderation_actions.note IS 'Why: the staff member''s note, or what triggered the rule.';

--
-- Name: COLUMN moderation_actions.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.moderation_actions.created_at IS 'When.';

--
-- Name: moderation_actions_id_seq; Type: SEQUENCE; Schema: app_public; Owner: -
--

ALTER TABLE app_public.moderation_actions ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app_public.moderation_actions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: post_edits; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.post_edits (
    id bigint NOT NULL,
    post_id uuid NOT NULL,
    body text NOT NULL,
    audience app_public.post_audience NOT NULL,
    metadata jsonb NOT NULL,
    replaced_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE post_edits; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.post_edits IS '@behavior -query:resource:connection -query:resource:list -query:resource:single
Earlier versions of edited posts, visible to whoever sees the post.';

--
-- Name: COLUMN post_edits.id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_edits.id IS 'The version''s id.';

--
-- Name: COLUMN post_edits.post_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_edits.post_id IS 'The post edited.';

--
-- Name: COLUMN post_edits.body; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_edits.body IS 'The text before the edit.';

--
-- Name: COLUMN post_edits.audience; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_edits.audience IS 'The audience before the edit.';

--
-- Name: COLUMN post_edits.metadata; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_edits.metadata IS 'The metadata before the edit.';

--
-- Name: COLUMN post_edits.replaced_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_edits.replaced_at IS 'When this version was replaced.';

--
-- Name: post_edits_id_seq; Type: SEQUENCE; Schema: app_public; Owner: -
--

ALTER TABLE app_public.post_edits ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app_public.post_edits_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: post_hashtags; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.post_hashtags (
    post_id uuid NOT NULL,
    hashtag_id bigint NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE post_hashtags; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.post_hashtags IS '@behavior -query:resource:connection -query:resource:list -query:resource:single
Hashtags of each post, extracted from its text.';

--
-- Name: COLUMN post_hashtags.post_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_hashtags.post_id IS 'The post.';

--
-- Name: COLUMN post_hashtags.hashtag_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_hashtags.hashtag_id IS 'The hashtag.';

--
-- Name: COLUMN post_hashtags.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_hashtags.created_at IS 'When the post was tagged.';

--
-- Name: post_media; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.post_media (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    post_id uuid NOT NULL,
    media_type app_public.media_type NOT NULL,
    url text NOT NULL,
    "position" smallint DEFAULT 0 NOT NULL,
    width integer,
    height integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT _url_length CHECK (app_private.check_length(url, 2000, 'A media URL'::text)),
    CONSTRAINT post_media_height_check CHECK ((height > 0)),
    CONSTRAINT post_media_url_check CHECK ((url ~ '^https?://'::text)),
    CONSTRAINT post_media_width_check CHECK ((width > 0))
);

--
-- Name: TABLE post_media; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.post_media IS '@behavior -query:resource:connection -query:resource:list -query:resource:single
Images, videos and GIFs attached to a post, in order.';

--
-- Name: COLUMN post_media.id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_media.id IS 'The attachment''s id.';

--
-- Name: COLUMN post_media.post_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_media.post_id IS 'The post it belongs to.';

--
-- Name: COLUMN post_media.media_type; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_media.media_type IS 'image, video or gif.';

--
-- Name: COLUMN post_media.url; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_media.url IS 'Where the media is served from.';

--
-- Name: COLUMN post_media."position"; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_media."position" IS 'Order within the post, from 0.';

--
-- Name: COLUMN post_media.width; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_media.width IS 'Pixels, when known.';

--
-- Name: COLUMN post_media.height; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_media.height IS 'Pixels, when known.';

--
-- Name: COLUMN post_media.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_media.created_at IS 'When attached.';

--
-- Name: post_mentions; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.post_mentions (
    post_id uuid NOT NULL,
    mentioned_id uuid NOT NULL
);

--
-- Name: TABLE post_mentions; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.post_mentions IS '@behavior -query:resource:connection -query:resource:list -query:resource:single
Accounts @mentioned in each post, extracted from its text.';

--
-- Name: COLUMN post_mentions.post_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_mentions.post_id IS 'The post.';

--
-- Name: COLUMN post_mentions.mentioned_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.post_mentions.mentioned_id IS 'The account mentioned.';

--
-- Name: profile_details; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.profile_details (
    profile_id uuid NOT NULL,
    bio text,
    website text,
    location text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT _bio_length CHECK (app_private.check_length(bio, 160, 'A bio'::text)),
    CONSTRAINT _location_length CHECK (app_private.check_length(location, 60, 'A location'::text)),
    CONSTRAINT _website_length CHECK (app_private.check_length(website, 200, 'A website'::text)),
    CONSTRAINT profile_details_bio_check CHECK ((char_length(bio) <= 160)),
    CONSTRAINT profile_details_location_check CHECK ((char_length(location) <= 60)),
    CONSTRAINT profile_details_website_check CHECK (((website ~ '^https?://'::text) AND (char_length(website) <= 200)))
);

--
-- Name: TABLE profile_details; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.profile_details IS '@behavior -query:resource:connection -query:resource:list -query:resource:single
The full profile, shown to whoever can_view_profile allows.';

--
-- Name: COLUMN profile_details.profile_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profile_details.profile_id IS 'The profile these details belong to.';

--
-- Name: COLUMN profile_details.bio; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profile_details.bio IS 'Short biography, up to 160 characters.';

--
-- Name: COLUMN profile_details.website; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profile_details.website IS 'A link, http(s).';

--
-- Name: COLUMN profile_details.location; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profile_details.location IS 'Where the user says they are.';

--
-- Name: COLUMN profile_details.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profile_details.created_at IS 'When the profile was created.';

--
-- Name: COLUMN profile_details.updated_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profile_details.updated_at IS 'When the details last changed.';

--
-- Name: profile_likes; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.profile_likes (
    profile_id uuid NOT NULL,
    liker_id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT profile_likes_check CHECK ((profile_id <> liker_id))
);

--
-- Name: TABLE profile_likes; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.profile_likes IS '@signedInOnly
@behavior -query:resource:connection -query:resource:list -query:resource:single
Likes of profiles, one per liker. Like with `likeProfile`.';

--
-- Name: COLUMN profile_likes.profile_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profile_likes.profile_id IS 'The profile liked.';

--
-- Name: COLUMN profile_likes.liker_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profile_likes.liker_id IS 'Who liked it.';

--
-- Name: COLUMN profile_likes.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.profile_likes.created_at IS 'When.';

--
-- Name: reposts; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.reposts (
    post_id uuid NOT NULL,
    user_id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE reposts; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.reposts IS '@behavior -query:resource:connection -query:resource:list -query:resource:single
Reposts: a post shared to the reposter''s followers. Repost with `repostPost`, undo with `undoRepost`.';

--
-- Name: COLUMN reposts.post_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.reposts.post_id IS 'The post reposted.';

--
-- Name: COLUMN reposts.user_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.reposts.user_id IS 'Who reposted it.';

--
-- Name: COLUMN reposts.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.reposts.created_at IS 'When reposted.';

--
-- Name: sponsor_credit_transactions_id_seq; Type: SEQUENCE; Schema: app_public; Owner: -
--

ALTER TABLE app_public.sponsor_credit_transactions ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app_public.sponsor_credit_transactions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: sponsored_interactions_id_seq; Type: SEQUENCE; Schema: app_public; Owner: -
--

ALTER TABLE app_public.sponsored_interactions ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app_public.sponsored_interactions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: user_analytics; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.user_analytics (
    user_id uuid NOT NULL,
    day date NOT NULL,
    views integer DEFAULT 0 NOT NULL,
    likes integer DEFAULT 0 NOT NULL,
    followers integer DEFAULT 0 NOT NULL,
    estimated_revenue numeric(14,4) DEFAULT 0 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT estimated_revenue_is_money CHECK (app_private.check_money(estimated_revenue))
);

--
-- Name: TABLE user_analytics; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.user_analytics IS '@signedInOnly
@behavior -query:resource:single
A creator''s day (UTC): views and likes received, followers, estimated revenue. Rolled up hourly; the creator and staff see it.';

--
-- Name: COLUMN user_analytics.user_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_analytics.user_id IS 'The creator.';

--
-- Name: COLUMN user_analytics.day; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_analytics.day IS 'The day (UTC).';

--
-- Name: COLUMN user_analytics.views; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_analytics.views IS 'Counted views of the creator''s posts that day.';

--
-- Name: COLUMN user_analytics.likes; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_analytics.likes IS 'Likes given to the creator''s posts that day (later unlikes not subtracted).';

--
-- Name: COLUMN user_analytics.followers; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_analytics.followers IS 'Followers at the end of the day (for today: at the last roll-up).';

--
-- Name: COLUMN user_analytics.estimated_revenue; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_analytics.estimated_revenue IS 'What the day''s video likes and views would earn at the revenue rates, before eligibility; the payable figure is the month''s video revenue.';

--
-- Name: COLUMN user_analytics.updated_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_analytics.updated_at IS 'When rolled up.';

--
-- Name: user_videos; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.user_videos (
    post_id uuid NOT NULL,
    user_id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE user_videos; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.user_videos IS 'Posts with a video attachment: the posts that earn revenue. Visible with their post.';

--
-- Name: COLUMN user_videos.post_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_videos.post_id IS 'The post.';

--
-- Name: COLUMN user_videos.user_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_videos.user_id IS 'Its author.';

--
-- Name: COLUMN user_videos.created_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.user_videos.created_at IS 'When the first video was attached.';

--
-- Name: video_revenue; Type: TABLE; Schema: app_public; Owner: -
--

CREATE TABLE app_public.video_revenue (
    post_id uuid NOT NULL,
    month date NOT NULL,
    user_id uuid NOT NULL,
    likes integer NOT NULL,
    views integer NOT NULL,
    amount numeric(14,4) NOT NULL,
    calculated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT amount_is_money CHECK (app_private.check_money(amount)),
    CONSTRAINT video_revenue_amount_check CHECK ((amount >= (0)::numeric)),
    CONSTRAINT video_revenue_likes_check CHECK ((likes >= 0)),
    CONSTRAINT video_revenue_month_check CHECK ((month = (date_trunc('month'::text, (month)::timestamp with time zone))::date)),
    CONSTRAINT video_revenue_views_check CHECK ((views >= 0))
);

--
-- Name: TABLE video_revenue; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON TABLE app_public.video_revenue IS '@signedInOnly
What each video earned in a month (written once, by the monthly job); the creator and staff see it.';

--
-- Name: COLUMN video_revenue.post_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.video_revenue.post_id IS 'The video post.';

--
-- Name: COLUMN video_revenue.month; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.video_revenue.month IS 'The month (its first day; months are UTC).';

--
-- Name: COLUMN video_revenue.user_id; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.video_revenue.user_id IS 'The creator.';

--
-- Name: COLUMN video_revenue.likes; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.video_revenue.likes IS 'Likes given in the month (still standing at calculation).';

--
-- Name: COLUMN video_revenue.views; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.video_revenue.views IS 'Views counted in the month.';

--
-- Name: COLUMN video_revenue.amount; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.video_revenue.amount IS 'likes × the setting `revenue_per_like` + views × `revenue_per_view`, exact.';

--
-- Name: COLUMN video_revenue.calculated_at; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON COLUMN app_public.video_revenue.calculated_at IS 'When calculated.';

--
-- Name: identities; Type: TABLE; Schema: auth; Owner: -
--

CREATE TABLE auth.identities (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    provider_id text NOT NULL,
    user_id uuid NOT NULL,
    identity_data jsonb NOT NULL,
    provider text NOT NULL,
    last_sign_in_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    email text GENERATED ALWAYS AS (lower((identity_data ->> 'email'::text))) STORED
);

--
-- Name: refresh_tokens; Type: TABLE; Schema: auth; Owner: -
--

CREATE TABLE auth.refresh_tokens (
    id bigint NOT NULL,
    token text NOT NULL,
    user_id uuid NOT NULL,
    session_id uuid NOT NULL,
    parent text,
    revoked boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: refresh_tokens_id_seq; Type: SEQUENCE; Schema: auth; Owner: -
--

ALTER TABLE auth.refresh_tokens ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME auth.refresh_tokens_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: sessions; Type: TABLE; Schema: auth; Owner: -
--

CREATE TABLE auth.sessions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    refreshed_at timestamp with time zone,
    not_after timestamp with time zone NOT NULL,
    aal text DEFAULT 'aal1'::text NOT NULL,
    amr jsonb DEFAULT '[]'::jsonb NOT NULL,
    user_agent text,
    ip inet
);

--
-- Name: users; Type: TABLE; Schema: auth; Owner: -
--

CREATE TABLE auth.users (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    aud text DEFAULT 'authenticated'::text NOT NULL,
    role text DEFAULT 'authenticated'::text NOT NULL,
    email text,
    encrypted_password text,
    email_confirmed_at timestamp with time zone,
    invited_at timestamp with time zone,
    confirmation_token text,
    confirmation_sent_at timestamp with time zone,
    recovery_token text,
    recovery_sent_at timestamp with time zone,
    email_change_token_new text,
    email_change text,
    email_change_sent_at timestamp with time zone,
    reauthentication_token text,
    reauthentication_sent_at timestamp with time zone,
    last_sign_in_at timestamp with time zone,
    raw_app_meta_data jsonb DEFAULT '{}'::jsonb NOT NULL,
    raw_user_meta_data jsonb DEFAULT '{}'::jsonb NOT NULL,
    phone text,
    phone_confirmed_at timestamp with time zone,
    confirmed_at timestamp with time zone GENERATED ALWAYS AS (LEAST(email_confirmed_at, phone_confirmed_at)) STORED,
    banned_until timestamp with time zone,
    is_anonymous boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT users_email_change_check CHECK ((email_change = lower(email_change))),
    CONSTRAINT users_email_check CHECK ((email = lower(email)))
);

--
-- Name: TABLE users; Type: COMMENT; Schema: auth; Owner: -
--

COMMENT ON TABLE auth.users IS 'Accounts, shaped like Supabase''s auth.users so that SQL written for Supabase works.';

--
-- Name: feed_pull_authors feed_pull_authors_pkey; Type: CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.feed_pull_authors
    ADD CONSTRAINT feed_pull_authors_pkey PRIMARY KEY (author_id);

--
-- Name: home_feed_versions home_feed_versions_pkey; Type: CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.home_feed_versions
    ADD CONSTRAINT home_feed_versions_pkey PRIMARY KEY (user_id);

--
-- Name: ingested_view_batches ingested_view_batches_pkey; Type: CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.ingested_view_batches
    ADD CONSTRAINT ingested_view_batches_pkey PRIMARY KEY (batch_id);

--
-- Name: mail_outbox mail_outbox_pkey; Type: CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.mail_outbox
    ADD CONSTRAINT mail_outbox_pkey PRIMARY KEY (id);

--
-- Name: notification_actors notification_actors_pkey; Type: CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.notification_actors
    ADD CONSTRAINT notification_actors_pkey PRIMARY KEY (notification_id, actor_id);

--
-- Name: notification_pushes notification_pushes_pkey; Type: CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.notification_pushes
    ADD CONSTRAINT notification_pushes_pkey PRIMARY KEY (notification_id);

--
-- Name: post_like_logs post_like_logs_pkey; Type: CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.post_like_logs
    ADD CONSTRAINT post_like_logs_pkey PRIMARY KEY (id);

--
-- Name: post_view_logs post_view_logs_pkey; Type: CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.post_view_logs
    ADD CONSTRAINT post_view_logs_pkey PRIMARY KEY (id);

--
-- Name: post_view_windows post_view_windows_pkey; Type: CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.post_view_windows
    ADD CONSTRAINT post_view_windows_pkey PRIMARY KEY (post_id, viewer_key);

--
-- Name: post_views post_views_pkey; Type: CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.post_views
    ADD CONSTRAINT post_views_pkey PRIMARY KEY (post_id);

--
-- Name: profile_like_logs profile_like_logs_pkey; Type: CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.profile_like_logs
    ADD CONSTRAINT profile_like_logs_pkey PRIMARY KEY (id);

--
-- Name: revenue_months revenue_months_pkey; Type: CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.revenue_months
    ADD CONSTRAINT revenue_months_pkey PRIMARY KEY (month);

--
-- Name: settings settings_pkey; Type: CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.settings
    ADD CONSTRAINT settings_pkey PRIMARY KEY (key);

--
-- Name: signed_in_addresses signed_in_addresses_pkey; Type: CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.signed_in_addresses
    ADD CONSTRAINT signed_in_addresses_pkey PRIMARY KEY (user_id, viewer_key);

--
-- Name: user_activity user_activity_pkey; Type: CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.user_activity
    ADD CONSTRAINT user_activity_pkey PRIMARY KEY (user_id);

--
-- Name: worker_heartbeats worker_heartbeats_pkey; Type: CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.worker_heartbeats
    ADD CONSTRAINT worker_heartbeats_pkey PRIMARY KEY (worker_id);

--
-- Name: blocked_users blocked_users_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.blocked_users
    ADD CONSTRAINT blocked_users_pkey PRIMARY KEY (blocker_id, blocked_id);

--
-- Name: bookmarks bookmarks_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.bookmarks
    ADD CONSTRAINT bookmarks_pkey PRIMARY KEY (user_id, post_id);

--
-- Name: cheat_status_events cheat_status_events_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.cheat_status_events
    ADD CONSTRAINT cheat_status_events_pkey PRIMARY KEY (id);

--
-- Name: comment_mentions comment_mentions_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.comment_mentions
    ADD CONSTRAINT comment_mentions_pkey PRIMARY KEY (comment_id, mentioned_id);

--
-- Name: comments comments_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.comments
    ADD CONSTRAINT comments_pkey PRIMARY KEY (id);

--
-- Name: conversation_participants conversation_participants_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.conversation_participants
    ADD CONSTRAINT conversation_participants_pkey PRIMARY KEY (conversation_id, user_id);

--
-- Name: conversations conversations_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.conversations
    ADD CONSTRAINT conversations_pkey PRIMARY KEY (id);

--
-- Name: followers followers_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.followers
    ADD CONSTRAINT followers_pkey PRIMARY KEY (follower_id, following_id);

--
-- Name: hashtags hashtags_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.hashtags
    ADD CONSTRAINT hashtags_pkey PRIMARY KEY (id);

--
-- Name: hashtags hashtags_tag_key; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.hashtags
    ADD CONSTRAINT hashtags_tag_key UNIQUE (tag);

--
-- Name: likes likes_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.likes
    ADD CONSTRAINT likes_pkey PRIMARY KEY (post_id, user_id);

--
-- Name: messages messages_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.messages
    ADD CONSTRAINT messages_pkey PRIMARY KEY (id);

--
-- Name: moderation_actions moderation_actions_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.moderation_actions
    ADD CONSTRAINT moderation_actions_pkey PRIMARY KEY (id);

--
-- Name: mutes mutes_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.mutes
    ADD CONSTRAINT mutes_pkey PRIMARY KEY (muter_id, muted_id);

--
-- Name: notifications notifications_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.notifications
    ADD CONSTRAINT notifications_pkey PRIMARY KEY (id);

--
-- Name: post_edits post_edits_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.post_edits
    ADD CONSTRAINT post_edits_pkey PRIMARY KEY (id);

--
-- Name: post_hashtags post_hashtags_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.post_hashtags
    ADD CONSTRAINT post_hashtags_pkey PRIMARY KEY (post_id, hashtag_id);

--
-- Name: post_media post_media_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.post_media
    ADD CONSTRAINT post_media_pkey PRIMARY KEY (id);

--
-- Name: post_media post_media_post_id_position_key; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.post_media
    ADD CONSTRAINT post_media_post_id_position_key UNIQUE (post_id, "position");

--
-- Name: post_mentions post_mentions_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.post_mentions
    ADD CONSTRAINT post_mentions_pkey PRIMARY KEY (post_id, mentioned_id);

--
-- Name: post_reports post_reports_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.post_reports
    ADD CONSTRAINT post_reports_pkey PRIMARY KEY (id);

--
-- Name: post_reports post_reports_post_id_reporter_id_key; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.post_reports
    ADD CONSTRAINT post_reports_post_id_reporter_id_key UNIQUE (post_id, reporter_id);

--
-- Name: posts posts_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.posts
    ADD CONSTRAINT posts_pkey PRIMARY KEY (id);

--
-- Name: profile_details profile_details_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.profile_details
    ADD CONSTRAINT profile_details_pkey PRIMARY KEY (profile_id);

--
-- Name: profile_likes profile_likes_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.profile_likes
    ADD CONSTRAINT profile_likes_pkey PRIMARY KEY (profile_id, liker_id);

--
-- Name: profiles profiles_handle_key; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.profiles
    ADD CONSTRAINT profiles_handle_key UNIQUE (handle);

--
-- Name: profiles profiles_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.profiles
    ADD CONSTRAINT profiles_pkey PRIMARY KEY (id);

--
-- Name: reposts reposts_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.reposts
    ADD CONSTRAINT reposts_pkey PRIMARY KEY (post_id, user_id);

--
-- Name: sponsor_credit_transactions sponsor_credit_transactions_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.sponsor_credit_transactions
    ADD CONSTRAINT sponsor_credit_transactions_pkey PRIMARY KEY (id);

--
-- Name: sponsor_credit_transactions sponsor_credit_transactions_sponsor_id_idempotency_key_key; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.sponsor_credit_transactions
    ADD CONSTRAINT sponsor_credit_transactions_sponsor_id_idempotency_key_key UNIQUE (sponsor_id, idempotency_key);

--
-- Name: sponsor_credits sponsor_credits_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.sponsor_credits
    ADD CONSTRAINT sponsor_credits_pkey PRIMARY KEY (sponsor_id);

--
-- Name: sponsored_interactions sponsored_interactions_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.sponsored_interactions
    ADD CONSTRAINT sponsored_interactions_pkey PRIMARY KEY (id);

--
-- Name: sponsored_posts sponsored_posts_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.sponsored_posts
    ADD CONSTRAINT sponsored_posts_pkey PRIMARY KEY (id);

--
-- Name: sponsored_posts sponsored_posts_post_id_key; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.sponsored_posts
    ADD CONSTRAINT sponsored_posts_post_id_key UNIQUE (post_id);

--
-- Name: user_analytics user_analytics_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.user_analytics
    ADD CONSTRAINT user_analytics_pkey PRIMARY KEY (user_id, day);

--
-- Name: user_cheat_status user_cheat_status_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.user_cheat_status
    ADD CONSTRAINT user_cheat_status_pkey PRIMARY KEY (user_id);

--
-- Name: user_settings user_settings_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.user_settings
    ADD CONSTRAINT user_settings_pkey PRIMARY KEY (user_id);

--
-- Name: user_videos user_videos_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.user_videos
    ADD CONSTRAINT user_videos_pkey PRIMARY KEY (post_id);

--
-- Name: verification_requests verification_requests_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.verification_requests
    ADD CONSTRAINT verification_requests_pkey PRIMARY KEY (id);

--
-- Name: video_revenue video_revenue_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.video_revenue
    ADD CONSTRAINT video_revenue_pkey PRIMARY KEY (post_id, month);

--
-- Name: withdrawal_info withdrawal_info_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.withdrawal_info
    ADD CONSTRAINT withdrawal_info_pkey PRIMARY KEY (user_id);

--
-- Name: withdrawal_requests withdrawal_requests_pkey; Type: CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.withdrawal_requests
    ADD CONSTRAINT withdrawal_requests_pkey PRIMARY KEY (id);

--
-- Name: identities identities_pkey; Type: CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.identities
    ADD CONSTRAINT identities_pkey PRIMARY KEY (id);

--
-- Name: identities identities_provider_id_provider_key; Type: CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.identities
    ADD CONSTRAINT identities_provider_id_provider_key UNIQUE (provider_id, provider);

--
-- Name: refresh_tokens refresh_tokens_pkey; Type: CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.refresh_tokens
    ADD CONSTRAINT refresh_tokens_pkey PRIMARY KEY (id);

--
-- Name: refresh_tokens refresh_tokens_token_key; Type: CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.refresh_tokens
    ADD CONSTRAINT refresh_tokens_token_key UNIQUE (token);

--
-- Name: sessions sessions_pkey; Type: CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (id);

--
-- Name: users users_phone_key; Type: CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.users
    ADD CONSTRAINT users_phone_key UNIQUE (phone);

--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);

--
-- Name: mail_outbox_recipient_idx; Type: INDEX; Schema: app_private; Owner: -
--

CREATE INDEX mail_outbox_recipient_idx ON app_private.mail_outbox USING btree (recipient, template, created_at DESC);

--
-- Name: mail_outbox_unsent_idx; Type: INDEX; Schema: app_private; Owner: -
--

CREATE INDEX mail_outbox_unsent_idx ON app_private.mail_outbox USING btree (created_at) WHERE (sent_at IS NULL);

--
-- Name: post_like_logs_created_idx; Type: INDEX; Schema: app_private; Owner: -
--

CREATE INDEX post_like_logs_created_idx ON app_private.post_like_logs USING btree (created_at);

--
-- Name: post_like_logs_post_idx; Type: INDEX; Schema: app_private; Owner: -
--

CREATE INDEX post_like_logs_post_idx ON app_private.post_like_logs USING btree (post_id, created_at);

--
-- Name: post_like_logs_user_idx; Type: INDEX; Schema: app_private; Owner: -
--

CREATE INDEX post_like_logs_user_idx ON app_private.post_like_logs USING btree (user_id, created_at);

--
-- Name: post_view_logs_author_idx; Type: INDEX; Schema: app_private; Owner: -
--

CREATE INDEX post_view_logs_author_idx ON app_private.post_view_logs USING btree (author_id, viewed_at);

--
-- Name: post_view_logs_post_idx; Type: INDEX; Schema: app_private; Owner: -
--

CREATE INDEX post_view_logs_post_idx ON app_private.post_view_logs USING btree (post_id, viewed_at);

--
-- Name: post_view_logs_viewed_idx; Type: INDEX; Schema: app_private; Owner: -
--

CREATE INDEX post_view_logs_viewed_idx ON app_private.post_view_logs USING btree (viewed_at);

--
-- Name: profile_like_logs_profile_idx; Type: INDEX; Schema: app_private; Owner: -
--

CREATE INDEX profile_like_logs_profile_idx ON app_private.profile_like_logs USING btree (profile_id, created_at);

--
-- Name: user_activity_recent_idx; Type: INDEX; Schema: app_private; Owner: -
--

CREATE INDEX user_activity_recent_idx ON app_private.user_activity USING btree (last_active_at DESC);

--
-- Name: blocked_users_blocked_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX blocked_users_blocked_idx ON app_public.blocked_users USING btree (blocked_id, blocker_id);

--
-- Name: bookmarks_user_created_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX bookmarks_user_created_idx ON app_public.bookmarks USING btree (user_id, created_at DESC);

--
-- Name: cheat_status_events_user_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX cheat_status_events_user_idx ON app_public.cheat_status_events USING btree (user_id, created_at DESC);

--
-- Name: comment_mentions_mentioned_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX comment_mentions_mentioned_idx ON app_public.comment_mentions USING btree (mentioned_id);

--
-- Name: comments_author_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX comments_author_idx ON app_public.comments USING btree (author_id, created_at DESC);

--
-- Name: comments_parent_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX comments_parent_idx ON app_public.comments USING btree (parent_id) WHERE (parent_id IS NOT NULL);

--
-- Name: comments_post_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX comments_post_idx ON app_public.comments USING btree (post_id, created_at, id);

--
-- Name: conversation_participants_user_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX conversation_participants_user_idx ON app_public.conversation_participants USING btree (user_id, conversation_id);

--
-- Name: conversations_last_message_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX conversations_last_message_idx ON app_public.conversations USING btree (last_message_at DESC, id DESC);

--
-- Name: followers_follower_approved_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX followers_follower_approved_idx ON app_public.followers USING btree (follower_id, following_id) WHERE (status = 'approved'::app_public.follow_status);

--
-- Name: followers_following_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX followers_following_idx ON app_public.followers USING btree (following_id, status, created_at DESC, follower_id);

--
-- Name: likes_user_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX likes_user_idx ON app_public.likes USING btree (user_id, created_at DESC);

--
-- Name: messages_conversation_created_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX messages_conversation_created_idx ON app_public.messages USING btree (conversation_id, created_at DESC, id DESC);

--
-- Name: messages_read_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX messages_read_idx ON app_public.messages USING btree (read_at) WHERE (read_at IS NOT NULL);

--
-- Name: messages_sender_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX messages_sender_idx ON app_public.messages USING btree (sender_id);

--
-- Name: messages_unread_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX messages_unread_idx ON app_public.messages USING btree (conversation_id, sender_id) WHERE (read_at IS NULL);

--
-- Name: moderation_actions_created_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX moderation_actions_created_idx ON app_public.moderation_actions USING btree (created_at DESC);

--
-- Name: moderation_actions_post_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX moderation_actions_post_idx ON app_public.moderation_actions USING btree (post_id, created_at DESC) WHERE (post_id IS NOT NULL);

--
-- Name: moderation_actions_target_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX moderation_actions_target_idx ON app_public.moderation_actions USING btree (target_user_id, created_at DESC);

--
-- Name: notifications_actor_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX notifications_actor_idx ON app_public.notifications USING btree (actor_id) WHERE (actor_id IS NOT NULL);

--
-- Name: notifications_comment_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX notifications_comment_idx ON app_public.notifications USING btree (comment_id) WHERE (comment_id IS NOT NULL);

--
-- Name: notifications_open_group_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE UNIQUE INDEX notifications_open_group_idx ON app_public.notifications USING btree (recipient_id, group_key) WHERE ((read_at IS NULL) AND (group_key IS NOT NULL));

--
-- Name: notifications_post_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX notifications_post_idx ON app_public.notifications USING btree (post_id) WHERE (post_id IS NOT NULL);

--
-- Name: notifications_recipient_updated_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX notifications_recipient_updated_idx ON app_public.notifications USING btree (recipient_id, updated_at DESC, id DESC);

--
-- Name: notifications_unread_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX notifications_unread_idx ON app_public.notifications USING btree (recipient_id) WHERE (read_at IS NULL);

--
-- Name: post_edits_post_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX post_edits_post_idx ON app_public.post_edits USING btree (post_id, id);

--
-- Name: post_hashtags_created_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX post_hashtags_created_idx ON app_public.post_hashtags USING btree (created_at) INCLUDE (hashtag_id, post_id);

--
-- Name: post_hashtags_hashtag_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX post_hashtags_hashtag_idx ON app_public.post_hashtags USING btree (hashtag_id, created_at DESC, post_id);

--
-- Name: post_media_type_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX post_media_type_idx ON app_public.post_media USING btree (media_type, post_id);

--
-- Name: post_mentions_mentioned_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX post_mentions_mentioned_idx ON app_public.post_mentions USING btree (mentioned_id, post_id);

--
-- Name: post_reports_queue_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX post_reports_queue_idx ON app_public.post_reports USING btree (created_at, id) WHERE (status = 'open'::app_public.report_status);

--
-- Name: post_reports_reporter_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX post_reports_reporter_idx ON app_public.post_reports USING btree (reporter_id, created_at DESC);

--
-- Name: post_reports_status_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX post_reports_status_idx ON app_public.post_reports USING btree (status, created_at);

--
-- Name: posts_author_created_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX posts_author_created_idx ON app_public.posts USING btree (author_id, created_at DESC, id DESC) INCLUDE (audience, is_paid, deleted_at);

--
-- Name: posts_category_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX posts_category_idx ON app_public.posts USING btree (((metadata ->> 'category'::text)), created_at DESC) WHERE ((deleted_at IS NULL) AND (audience = 'public'::app_public.post_audience) AND (NOT is_paid));

--
-- Name: posts_demonetized_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX posts_demonetized_idx ON app_public.posts USING btree (author_id, demonetized_at) WHERE is_demonetized;

--
-- Name: posts_market_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX posts_market_idx ON app_public.posts USING btree (((metadata ->> 'market'::text)), created_at DESC) WHERE ((deleted_at IS NULL) AND (audience = 'public'::app_public.post_audience) AND (NOT is_paid));

--
-- Name: posts_public_created_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX posts_public_created_idx ON app_public.posts USING btree (created_at DESC, id DESC) WHERE ((deleted_at IS NULL) AND (audience = 'public'::app_public.post_audience) AND (NOT is_paid));

--
-- Name: posts_symbol_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX posts_symbol_idx ON app_public.posts USING btree (((metadata ->> 'symbol'::text)), created_at DESC) WHERE ((deleted_at IS NULL) AND (audience = 'public'::app_public.post_audience) AND (NOT is_paid));

--
-- Name: profile_likes_liker_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX profile_likes_liker_idx ON app_public.profile_likes USING btree (liker_id);

--
-- Name: profiles_private_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX profiles_private_idx ON app_public.profiles USING btree (id) WHERE is_private;

--
-- Name: reposts_user_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX reposts_user_idx ON app_public.reposts USING btree (user_id, created_at DESC, post_id DESC);

--
-- Name: sponsor_credit_transactions_sponsor_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX sponsor_credit_transactions_sponsor_idx ON app_public.sponsor_credit_transactions USING btree (sponsor_id, created_at DESC);

--
-- Name: sponsored_interactions_campaign_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX sponsored_interactions_campaign_idx ON app_public.sponsored_interactions USING btree (sponsored_post_id, created_at DESC);

--
-- Name: sponsored_interactions_impression_once; Type: INDEX; Schema: app_public; Owner: -
--

CREATE UNIQUE INDEX sponsored_interactions_impression_once ON app_public.sponsored_interactions USING btree (sponsored_post_id, viewer_id, day) WHERE (kind = 'impression'::app_public.sponsored_interaction_kind);

--
-- Name: sponsored_interactions_like_once; Type: INDEX; Schema: app_public; Owner: -
--

CREATE UNIQUE INDEX sponsored_interactions_like_once ON app_public.sponsored_interactions USING btree (sponsored_post_id, viewer_id) WHERE (kind = 'like'::app_public.sponsored_interaction_kind);

--
-- Name: sponsored_posts_active_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX sponsored_posts_active_idx ON app_public.sponsored_posts USING btree (cost_per_impression DESC, id) WHERE (status = 'active'::app_public.sponsored_post_status);

--
-- Name: sponsored_posts_sponsor_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX sponsored_posts_sponsor_idx ON app_public.sponsored_posts USING btree (sponsor_id, created_at DESC);

--
-- Name: user_cheat_status_flagged_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX user_cheat_status_flagged_idx ON app_public.user_cheat_status USING btree (flagged_at) WHERE is_flagged;

--
-- Name: user_videos_user_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX user_videos_user_idx ON app_public.user_videos USING btree (user_id, created_at DESC);

--
-- Name: verification_requests_one_pending; Type: INDEX; Schema: app_public; Owner: -
--

CREATE UNIQUE INDEX verification_requests_one_pending ON app_public.verification_requests USING btree (user_id) WHERE (status = 'pending'::app_public.verification_status);

--
-- Name: verification_requests_pending_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX verification_requests_pending_idx ON app_public.verification_requests USING btree (created_at) WHERE (status = 'pending'::app_public.verification_status);

--
-- Name: video_revenue_user_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX video_revenue_user_idx ON app_public.video_revenue USING btree (user_id, month DESC);

--
-- Name: withdrawal_requests_idempotency_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE UNIQUE INDEX withdrawal_requests_idempotency_idx ON app_public.withdrawal_requests USING btree (user_id, idempotency_key) WHERE (idempotency_key IS NOT NULL);

--
-- Name: withdrawal_requests_open_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX withdrawal_requests_open_idx ON app_public.withdrawal_requests USING btree (created_at) WHERE (status = ANY (ARRAY['pending'::app_public.withdrawal_status, 'approved'::app_public.withdrawal_status]));

--
-- Name: withdrawal_requests_user_idx; Type: INDEX; Schema: app_public; Owner: -
--

CREATE INDEX withdrawal_requests_user_idx ON app_public.withdrawal_requests USING btree (user_id, created_at DESC);

--
-- Name: identities_user_id_idx; Type: INDEX; Schema: auth; Owner: -
--

CREATE INDEX identities_user_id_idx ON auth.identities USING btree (user_id);

--
-- Name: refresh_tokens_parent_idx; Type: INDEX; Schema: auth; Owner: -
--

CREATE INDEX refresh_tokens_parent_idx ON auth.refresh_tokens USING btree (parent);

--
-- Name: refresh_tokens_session_id_revoked_idx; Type: INDEX; Schema: auth; Owner: -
--

CREATE INDEX refresh_tokens_session_id_revoked_idx ON auth.refresh_tokens USING btree (session_id, revoked);

--
-- Name: refresh_tokens_user_id_idx; Type: INDEX; Schema: auth; Owner: -
--

CREATE INDEX refresh_tokens_user_id_idx ON auth.refresh_tokens USING btree (user_id);

--
-- Name: sessions_not_after_idx; Type: INDEX; Schema: auth; Owner: -
--

CREATE INDEX sessions_not_after_idx ON auth.sessions USING btree (not_after);

--
-- Name: sessions_user_id_idx; Type: INDEX; Schema: auth; Owner: -
--

CREATE INDEX sessions_user_id_idx ON auth.sessions USING btree (user_id);

--
-- Name: users_confirmation_token_idx; Type: INDEX; Schema: auth; Owner: -
--

CREATE INDEX users_confirmation_token_idx ON auth.users USING btree (confirmation_token) WHERE (confirmation_token IS NOT NULL);

--
-- Name: users_created_at_idx; Type: INDEX; Schema: auth; Owner: -
--

CREATE INDEX users_created_at_idx ON auth.users USING btree (created_at DESC);

--
-- Name: users_email_change_token_idx; Type: INDEX; Schema: auth; Owner: -
--

CREATE INDEX users_email_change_token_idx ON auth.users USING btree (email_change_token_new) WHERE (email_change_token_new IS NOT NULL);

--
-- Name: users_email_key; Type: INDEX; Schema: auth; Owner: -
--

CREATE UNIQUE INDEX users_email_key ON auth.users USING btree (email) WHERE (email IS NOT NULL);

--
-- Name: users_recovery_token_idx; Type: INDEX; Schema: auth; Owner: -
--

CREATE INDEX users_recovery_token_idx ON auth.users USING btree (recovery_token) WHERE (recovery_token IS NOT NULL);

--
-- Name: mail_outbox _500_queue; Type: TRIGGER; Schema: app_private; Owner: -
--

CREATE TRIGGER _500_queue AFTER INSERT ON app_private.mail_outbox FOR EACH ROW EXECUTE FUNCTION app_private.tg_mail_outbox__queue();

--
-- Name: moderation_actions _040_not_own; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _040_not_own BEFORE INSERT ON app_public.moderation_actions FOR EACH ROW EXECUTE FUNCTION app_private.tg_moderation_actions__not_own();

--
-- Name: user_cheat_status _040_not_own; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _040_not_own BEFORE UPDATE OF cleared_at ON app_public.user_cheat_status FOR EACH ROW WHEN ((old.cleared_at IS DISTINCT FROM new.cleared_at)) EXECUTE FUNCTION app_private.tg_user_cheat_status__not_own();

--
-- Name: withdrawal_requests _040_not_own; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _040_not_own BEFORE UPDATE OF status ON app_public.withdrawal_requests FOR EACH ROW WHEN ((old.status IS DISTINCT FROM new.status)) EXECUTE FUNCTION app_private.tg_withdrawal_requests__not_own();

--
-- Name: comments _050_refuse_suspended; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _050_refuse_suspended BEFORE INSERT OR UPDATE OF body ON app_public.comments FOR EACH ROW EXECUTE FUNCTION app_private.tg__refuse_suspended('author_id');

--
-- Name: followers _050_refuse_suspended; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _050_refuse_suspended BEFORE INSERT ON app_public.followers FOR EACH ROW EXECUTE FUNCTION app_private.tg__refuse_suspended('follower_id');

--
-- Name: likes _050_refuse_suspended; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _050_refuse_suspended BEFORE INSERT ON app_public.likes FOR EACH ROW EXECUTE FUNCTION app_private.tg__refuse_suspended('user_id');

--
-- Name: messages _050_refuse_suspended; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _050_refuse_suspended BEFORE INSERT ON app_public.messages FOR EACH ROW EXECUTE FUNCTION app_private.tg__refuse_suspended('sender_id');

--
-- Name: post_reports _050_refuse_suspended; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _050_refuse_suspended BEFORE INSERT ON app_public.post_reports FOR EACH ROW EXECUTE FUNCTION app_private.tg__refuse_suspended('reporter_id');

--
-- Name: posts _050_refuse_suspended; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _050_refuse_suspended BEFORE INSERT OR UPDATE OF body, audience, metadata, is_paid ON app_public.posts FOR EACH ROW EXECUTE FUNCTION app_private.tg__refuse_suspended('author_id');

--
-- Name: profile_likes _050_refuse_suspended; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _050_refuse_suspended BEFORE INSERT ON app_public.profile_likes FOR EACH ROW EXECUTE FUNCTION app_private.tg__refuse_suspended('liker_id');

--
-- Name: reposts _050_refuse_suspended; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _050_refuse_suspended BEFORE INSERT ON app_public.reposts FOR EACH ROW EXECUTE FUNCTION app_private.tg__refuse_suspended('user_id');

--
-- Name: sponsored_interactions _050_refuse_suspended; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _050_refuse_suspended BEFORE INSERT ON app_public.sponsored_interactions FOR EACH ROW EXECUTE FUNCTION app_private.tg__refuse_suspended('viewer_id');

--
-- Name: sponsored_posts _050_refuse_suspended; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _050_refuse_suspended BEFORE INSERT ON app_public.sponsored_posts FOR EACH ROW EXECUTE FUNCTION app_private.tg__refuse_suspended('sponsor_id');

--
-- Name: comments _100_timestamps; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE INSERT OR UPDATE ON app_public.comments FOR EACH ROW EXECUTE FUNCTION app_private.tg__timestamps();

--
-- Name: posts _100_timestamps; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE INSERT OR UPDATE ON app_public.posts FOR EACH ROW EXECUTE FUNCTION app_private.tg__timestamps();

--
-- Name: profile_details _100_timestamps; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app_public.profile_details FOR EACH ROW EXECUTE FUNCTION app_private.tg__timestamps();

--
-- Name: profiles _100_timestamps; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE INSERT OR UPDATE ON app_public.profiles FOR EACH ROW EXECUTE FUNCTION app_private.tg__timestamps();

--
-- Name: sponsored_posts _100_timestamps; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE INSERT OR UPDATE ON app_public.sponsored_posts FOR EACH ROW EXECUTE FUNCTION app_private.tg__timestamps();

--
-- Name: user_settings _100_timestamps; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE INSERT OR UPDATE ON app_public.user_settings FOR EACH ROW EXECUTE FUNCTION app_private.tg__timestamps();

--
-- Name: withdrawal_info _100_timestamps; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE INSERT OR UPDATE ON app_public.withdrawal_info FOR EACH ROW EXECUTE FUNCTION app_private.tg__timestamps();

--
-- Name: withdrawal_requests _100_timestamps; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE INSERT OR UPDATE ON app_public.withdrawal_requests FOR EACH ROW EXECUTE FUNCTION app_private.tg__timestamps();

--
-- Name: profiles _200_check_handle; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _200_check_handle BEFORE UPDATE OF handle ON app_public.profiles FOR EACH ROW WHEN ((new.handle IS DISTINCT FROM old.handle)) EXECUTE FUNCTION app_private.tg_profiles__check_handle();

--
-- Name: profiles _200_create_rows; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _200_create_rows AFTER INSERT ON app_public.profiles FOR EACH ROW EXECUTE FUNCTION app_private.tg_profiles__create_rows();

--
-- Name: sponsored_posts _200_money_scale; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _200_money_scale BEFORE INSERT OR UPDATE ON app_public.sponsored_posts FOR EACH ROW EXECUTE FUNCTION app_private.tg_sponsored_posts__money_scale();

--
-- Name: comments _200_validate; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _200_validate BEFORE INSERT OR UPDATE OF body, parent_id ON app_public.comments FOR EACH ROW EXECUTE FUNCTION app_private.tg_comments__validate();

--
-- Name: posts _200_validate; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _200_validate BEFORE INSERT OR UPDATE ON app_public.posts FOR EACH ROW EXECUTE FUNCTION app_private.tg_posts__validate();

--
-- Name: posts _300_extract; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _300_extract AFTER INSERT OR UPDATE OF body ON app_public.posts FOR EACH ROW EXECUTE FUNCTION app_private.tg_posts__extract();

--
-- Name: posts _300_keep_history; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _300_keep_history AFTER UPDATE ON app_public.posts FOR EACH ROW WHEN ((((new.body IS DISTINCT FROM old.body) OR (new.audience IS DISTINCT FROM old.audience)) OR (new.metadata IS DISTINCT FROM old.metadata))) EXECUTE FUNCTION app_private.tg_posts__keep_history();

--
-- Name: profiles _300_privacy_change; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _300_privacy_change AFTER UPDATE OF is_private ON app_public.profiles FOR EACH ROW WHEN ((old.is_private AND (NOT new.is_private))) EXECUTE FUNCTION app_private.tg_profiles__privacy_change();

--
-- Name: comments _350_notify; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _350_notify AFTER INSERT ON app_public.comments FOR EACH ROW EXECUTE FUNCTION app_private.tg_comments__notify();

--
-- Name: comments _400_after; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _400_after AFTER INSERT OR UPDATE ON app_public.comments FOR EACH ROW EXECUTE FUNCTION app_private.tg_comments__after();

--
-- Name: followers _400_count; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _400_count AFTER INSERT OR DELETE OR UPDATE OF status ON app_public.followers FOR EACH ROW EXECUTE FUNCTION app_private.tg_followers__count();

--
-- Name: likes _400_count; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _400_count AFTER INSERT OR DELETE ON app_public.likes FOR EACH ROW EXECUTE FUNCTION app_private.tg_likes__count();

--
-- Name: posts _400_count; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _400_count AFTER INSERT OR UPDATE OF deleted_at ON app_public.posts FOR EACH ROW EXECUTE FUNCTION app_private.tg_posts__count();

--
-- Name: profile_likes _400_count; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _400_count AFTER INSERT OR DELETE ON app_public.profile_likes FOR EACH ROW EXECUTE FUNCTION app_private.tg_profile_likes__count();

--
-- Name: reposts _400_count; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _400_count AFTER INSERT OR DELETE ON app_public.reposts FOR EACH ROW EXECUTE FUNCTION app_private.tg_reposts__count();

--
-- Name: likes _500_charge_sponsored; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _500_charge_sponsored AFTER INSERT ON app_public.likes FOR EACH ROW EXECUTE FUNCTION app_private.tg_likes__charge_sponsored();

--
-- Name: messages _500_created; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _500_created AFTER INSERT ON app_public.messages FOR EACH ROW EXECUTE FUNCTION app_private.tg_messages__created();

--
-- Name: post_reports _500_demonetize; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _500_demonetize AFTER INSERT ON app_public.post_reports FOR EACH ROW EXECUTE FUNCTION app_private.tg_post_reports__demonetize();

--
-- Name: posts _500_fan_out; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _500_fan_out AFTER INSERT ON app_public.posts FOR EACH ROW EXECUTE FUNCTION app_private.tg_posts__fan_out();

--
-- Name: reposts _500_fan_out; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _500_fan_out AFTER INSERT ON app_public.reposts FOR EACH ROW EXECUTE FUNCTION app_private.tg_reposts__fan_out();

--
-- Name: comment_mentions _500_notify; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _500_notify AFTER INSERT ON app_public.comment_mentions FOR EACH ROW EXECUTE FUNCTION app_private.tg_comment_mentions__notify();

--
-- Name: followers _500_notify; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _500_notify AFTER INSERT OR DELETE OR UPDATE OF status ON app_public.followers FOR EACH ROW EXECUTE FUNCTION app_private.tg_followers__notify();

--
-- Name: likes _500_notify; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _500_notify AFTER INSERT ON app_public.likes FOR EACH ROW EXECUTE FUNCTION app_private.tg_likes__notify();

--
-- Name: post_mentions _500_notify; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _500_notify AFTER INSERT ON app_public.post_mentions FOR EACH ROW EXECUTE FUNCTION app_private.tg_post_mentions__notify();

--
-- Name: reposts _500_notify; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _500_notify AFTER INSERT ON app_public.reposts FOR EACH ROW EXECUTE FUNCTION app_private.tg_reposts__notify();

--
-- Name: sponsor_credit_transactions _500_resume_campaigns; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _500_resume_campaigns AFTER INSERT ON app_public.sponsor_credit_transactions FOR EACH ROW WHEN ((new.kind = 'add'::text)) EXECUTE FUNCTION app_private.tg_sponsor_credit_transactions__resume_campaigns();

--
-- Name: post_media _500_videos; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _500_videos AFTER INSERT OR DELETE ON app_public.post_media FOR EACH ROW EXECUTE FUNCTION app_private.tg_post_media__videos();

--
-- Name: profiles _600_feed_pull; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _600_feed_pull AFTER UPDATE OF followers_count ON app_public.profiles FOR EACH ROW WHEN (((new.followers_count > old.followers_count) AND (new.followers_count >= (app_private.setting('feed_push_max_followers'::text))::integer))) EXECUTE FUNCTION app_private.tg_profiles__feed_pull();

--
-- Name: followers _600_home_feed; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _600_home_feed AFTER INSERT OR DELETE OR UPDATE OF status ON app_public.followers FOR EACH ROW EXECUTE FUNCTION app_private.tg_followers__home_feed_changed();

--
-- Name: sponsored_posts _900_notify; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _900_notify AFTER UPDATE OF status ON app_public.sponsored_posts FOR EACH ROW WHEN (((old.status = 'active'::app_public.sponsored_post_status) AND (new.status = 'paused'::app_public.sponsored_post_status) AND (new.paused_reason = ANY (ARRAY['funds'::app_public.sponsored_pause_reason, 'budget'::app_public.sponsored_pause_reason])))) EXECUTE FUNCTION app_private.tg_sponsored_posts__notify();

--
-- Name: video_revenue _900_notify; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _900_notify AFTER INSERT ON app_public.video_revenue REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_private.tg_video_revenue__notify();

--
-- Name: withdrawal_requests _900_notify; Type: TRIGGER; Schema: app_public; Owner: -
--

CREATE TRIGGER _900_notify AFTER UPDATE OF status ON app_public.withdrawal_requests FOR EACH ROW WHEN ((old.status IS DISTINCT FROM new.status)) EXECUTE FUNCTION app_private.tg_withdrawal_requests__notify();

--
-- Name: users _100_timestamps; Type: TRIGGER; Schema: auth; Owner: -
--

CREATE TRIGGER _100_timestamps BEFORE INSERT OR UPDATE ON auth.users FOR EACH ROW EXECUTE FUNCTION app_private.tg__timestamps();

--
-- Name: users _500_create_profile; Type: TRIGGER; Schema: auth; Owner: -
--

CREATE TRIGGER _500_create_profile AFTER INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION app_private.tg_users__create_profile();

--
-- Name: feed_pull_authors feed_pull_authors_author_id_fkey; Type: FK CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.feed_pull_authors
    ADD CONSTRAINT feed_pull_authors_author_id_fkey FOREIGN KEY (author_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: home_feed_versions home_feed_versions_user_id_fkey; Type: FK CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.home_feed_versions
    ADD CONSTRAINT home_feed_versions_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: notification_actors notification_actors_notification_id_fkey; Type: FK CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.notification_actors
    ADD CONSTRAINT notification_actors_notification_id_fkey FOREIGN KEY (notification_id) REFERENCES app_public.notifications(id) ON DELETE CASCADE;

--
-- Name: notification_pushes notification_pushes_notification_id_fkey; Type: FK CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.notification_pushes
    ADD CONSTRAINT notification_pushes_notification_id_fkey FOREIGN KEY (notification_id) REFERENCES app_public.notifications(id) ON DELETE CASCADE;

--
-- Name: post_views post_views_post_id_fkey; Type: FK CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.post_views
    ADD CONSTRAINT post_views_post_id_fkey FOREIGN KEY (post_id) REFERENCES app_public.posts(id) ON DELETE CASCADE;

--
-- Name: signed_in_addresses signed_in_addresses_user_id_fkey; Type: FK CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.signed_in_addresses
    ADD CONSTRAINT signed_in_addresses_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: user_activity user_activity_user_id_fkey; Type: FK CONSTRAINT; Schema: app_private; Owner: -
--

ALTER TABLE ONLY app_private.user_activity
    ADD CONSTRAINT user_activity_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: blocked_users blocked_users_blocked_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.blocked_users
    ADD CONSTRAINT blocked_users_blocked_id_fkey FOREIGN KEY (blocked_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT blocked_users_blocked_id_fkey ON blocked_users; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT blocked_users_blocked_id_fkey ON app_public.blocked_users IS '@fieldName blocked
@behavior -manyRelation:resource:connection -manyRelation:resource:list';

--
-- Name: blocked_users blocked_users_blocker_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.blocked_users
    ADD CONSTRAINT blocked_users_blocker_id_fkey FOREIGN KEY (blocker_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT blocked_users_blocker_id_fkey ON blocked_users; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT blocked_users_blocker_id_fkey ON app_public.blocked_users IS '@fieldName blocker
@foreignFieldName blocks';

--
-- Name: bookmarks bookmarks_post_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.bookmarks
    ADD CONSTRAINT bookmarks_post_id_fkey FOREIGN KEY (post_id) REFERENCES app_public.posts(id) ON DELETE CASCADE;

--
-- Name: bookmarks bookmarks_user_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.bookmarks
    ADD CONSTRAINT bookmarks_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: cheat_status_events cheat_status_events_actor_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.cheat_status_events
    ADD CONSTRAINT cheat_status_events_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES app_public.profiles(id) ON DELETE SET NULL;

--
-- Name: CONSTRAINT cheat_status_events_actor_id_fkey ON cheat_status_events; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT cheat_status_events_actor_id_fkey ON app_public.cheat_status_events IS '@fieldName actor
@behavior -manyRelation:resource:connection -manyRelation:resource:list';

--
-- Name: cheat_status_events cheat_status_events_user_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.cheat_status_events
    ADD CONSTRAINT cheat_status_events_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT cheat_status_events_user_id_fkey ON cheat_status_events; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT cheat_status_events_user_id_fkey ON app_public.cheat_status_events IS '@fieldName user
@foreignFieldName cheatStatusEvents';

--
-- Name: comment_mentions comment_mentions_comment_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.comment_mentions
    ADD CONSTRAINT comment_mentions_comment_id_fkey FOREIGN KEY (comment_id) REFERENCES app_public.comments(id) ON DELETE CASCADE;

--
-- Name: comment_mentions comment_mentions_mentioned_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.comment_mentions
    ADD CONSTRAINT comment_mentions_mentioned_id_fkey FOREIGN KEY (mentioned_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: comments comments_author_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.comments
    ADD CONSTRAINT comments_author_id_fkey FOREIGN KEY (author_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: comments comments_parent_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.comments
    ADD CONSTRAINT comments_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES app_public.comments(id) ON DELETE CASCADE;

--
-- Name: comments comments_post_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.comments
    ADD CONSTRAINT comments_post_id_fkey FOREIGN KEY (post_id) REFERENCES app_public.posts(id) ON DELETE CASCADE;

--
-- Name: conversation_participants conversation_participants_conversation_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.conversation_participants
    ADD CONSTRAINT conversation_participants_conversation_id_fkey FOREIGN KEY (conversation_id) REFERENCES app_public.conversations(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT conversation_participants_conversation_id_fkey ON conversation_participants; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT conversation_participants_conversation_id_fkey ON app_public.conversation_participants IS '@fieldName conversation
@foreignFieldName participants';

--
-- Name: conversation_participants conversation_participants_user_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.conversation_participants
    ADD CONSTRAINT conversation_participants_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT conversation_participants_user_id_fkey ON conversation_participants; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT conversation_participants_user_id_fkey ON app_public.conversation_participants IS '@fieldName user
@behavior -manyRelation:resource:connection -manyRelation:resource:list';

--
-- Name: followers followers_follower_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.followers
    ADD CONSTRAINT followers_follower_id_fkey FOREIGN KEY (follower_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT followers_follower_id_fkey ON followers; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT followers_follower_id_fkey ON app_public.followers IS '@fieldName follower
@foreignFieldName following';

--
-- Name: followers followers_following_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.followers
    ADD CONSTRAINT followers_following_id_fkey FOREIGN KEY (following_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT followers_following_id_fkey ON followers; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT followers_following_id_fkey ON app_public.followers IS '@fieldName followed
@foreignFieldName followers';

--
-- Name: likes likes_post_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.likes
    ADD CONSTRAINT likes_post_id_fkey FOREIGN KEY (post_id) REFERENCES app_public.posts(id) ON DELETE CASCADE;

--
-- Name: likes likes_user_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.likes
    ADD CONSTRAINT likes_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: messages messages_conversation_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.messages
    ADD CONSTRAINT messages_conversation_id_fkey FOREIGN KEY (conversation_id) REFERENCES app_public.conversations(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT messages_conversation_id_fkey ON messages; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT messages_conversation_id_fkey ON app_public.messages IS '@fieldName conversation
@foreignFieldName messages';

--
-- Name: messages messages_sender_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.messages
    ADD CONSTRAINT messages_sender_id_fkey FOREIGN KEY (sender_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT messages_sender_id_fkey ON messages; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT messages_sender_id_fkey ON app_public.messages IS '@fieldName sender
@behavior -manyRelation:resource:connection -manyRelation:resource:list';

--
-- Name: mutes mutes_muted_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.mutes
    ADD CONSTRAINT mutes_muted_id_fkey FOREIGN KEY (muted_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT mutes_muted_id_fkey ON mutes; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT mutes_muted_id_fkey ON app_public.mutes IS '@fieldName muted
@behavior -manyRelation:resource:connection -manyRelation:resource:list';

--
-- Name: mutes mutes_muter_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.mutes
    ADD CONSTRAINT mutes_muter_id_fkey FOREIGN KEY (muter_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT mutes_muter_id_fkey ON mutes; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT mutes_muter_id_fkey ON app_public.mutes IS '@fieldName muter
@foreignFieldName mutes';

--
-- Name: notifications notifications_actor_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.notifications
    ADD CONSTRAINT notifications_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT notifications_actor_id_fkey ON notifications; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT notifications_actor_id_fkey ON app_public.notifications IS '@fieldName actor
@behavior -manyRelation:resource:connection -manyRelation:resource:list';

--
-- Name: notifications notifications_comment_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.notifications
    ADD CONSTRAINT notifications_comment_id_fkey FOREIGN KEY (comment_id) REFERENCES app_public.comments(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT notifications_comment_id_fkey ON notifications; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT notifications_comment_id_fkey ON app_public.notifications IS '@fieldName comment
@behavior -manyRelation:resource:connection -manyRelation:resource:list';

--
-- Name: notifications notifications_post_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.notifications
    ADD CONSTRAINT notifications_post_id_fkey FOREIGN KEY (post_id) REFERENCES app_public.posts(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT notifications_post_id_fkey ON notifications; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT notifications_post_id_fkey ON app_public.notifications IS '@fieldName post
@behavior -manyRelation:resource:connection -manyRelation:resource:list';

--
-- Name: notifications notifications_recipient_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.notifications
    ADD CONSTRAINT notifications_recipient_id_fkey FOREIGN KEY (recipient_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT notifications_recipient_id_fkey ON notifications; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT notifications_recipient_id_fkey ON app_public.notifications IS '@fieldName recipient
@behavior -manyRelation:resource:connection -manyRelation:resource:list';

--
-- Name: post_edits post_edits_post_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.post_edits
    ADD CONSTRAINT post_edits_post_id_fkey FOREIGN KEY (post_id) REFERENCES app_public.posts(id) ON DELETE CASCADE;

--
-- Name: post_hashtags post_hashtags_hashtag_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.post_hashtags
    ADD CONSTRAINT post_hashtags_hashtag_id_fkey FOREIGN KEY (hashtag_id) REFERENCES app_public.hashtags(id) ON DELETE CASCADE;

--
-- Name: post_hashtags post_hashtags_post_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.post_hashtags
    ADD CONSTRAINT post_hashtags_post_id_fkey FOREIGN KEY (post_id) REFERENCES app_public.posts(id) ON DELETE CASCADE;

--
-- Name: post_media post_media_post_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.post_media
    ADD CONSTRAINT post_media_post_id_fkey FOREIGN KEY (post_id) REFERENCES app_public.posts(id) ON DELETE CASCADE;

--
-- Name: post_mentions post_mentions_mentioned_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.post_mentions
    ADD CONSTRAINT post_mentions_mentioned_id_fkey FOREIGN KEY (mentioned_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: post_mentions post_mentions_post_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.post_mentions
    ADD CONSTRAINT post_mentions_post_id_fkey FOREIGN KEY (post_id) REFERENCES app_public.posts(id) ON DELETE CASCADE;

--
-- Name: post_reports post_reports_post_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.post_reports
    ADD CONSTRAINT post_reports_post_id_fkey FOREIGN KEY (post_id) REFERENCES app_public.posts(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT post_reports_post_id_fkey ON post_reports; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT post_reports_post_id_fkey ON app_public.post_reports IS '@fieldName post
@foreignFieldName reports';

--
-- Name: post_reports post_reports_reporter_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.post_reports
    ADD CONSTRAINT post_reports_reporter_id_fkey FOREIGN KEY (reporter_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT post_reports_reporter_id_fkey ON post_reports; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT post_reports_reporter_id_fkey ON app_public.post_reports IS '@fieldName reporter
@foreignFieldName reportsMade';

--
-- Name: post_reports post_reports_resolved_by_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.post_reports
    ADD CONSTRAINT post_reports_resolved_by_fkey FOREIGN KEY (resolved_by) REFERENCES app_public.profiles(id) ON DELETE SET NULL;

--
-- Name: CONSTRAINT post_reports_resolved_by_fkey ON post_reports; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT post_reports_resolved_by_fkey ON app_public.post_reports IS '@fieldName resolver
@behavior -manyRelation:resource:connection -manyRelation:resource:list';

--
-- Name: posts posts_author_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.posts
    ADD CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: profile_details profile_details_profile_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.profile_details
    ADD CONSTRAINT profile_details_profile_id_fkey FOREIGN KEY (profile_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: profile_likes profile_likes_liker_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.profile_likes
    ADD CONSTRAINT profile_likes_liker_id_fkey FOREIGN KEY (liker_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT profile_likes_liker_id_fkey ON profile_likes; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT profile_likes_liker_id_fkey ON app_public.profile_likes IS '@fieldName liker
@foreignFieldName profileLikesGiven';

--
-- Name: profile_likes profile_likes_profile_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.profile_likes
    ADD CONSTRAINT profile_likes_profile_id_fkey FOREIGN KEY (profile_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT profile_likes_profile_id_fkey ON profile_likes; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT profile_likes_profile_id_fkey ON app_public.profile_likes IS '@fieldName profile
@foreignFieldName likesReceived';

--
-- Name: profiles profiles_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.profiles
    ADD CONSTRAINT profiles_id_fkey FOREIGN KEY (id) REFERENCES auth.users(id) ON DELETE CASCADE;

--
-- Name: reposts reposts_post_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.reposts
    ADD CONSTRAINT reposts_post_id_fkey FOREIGN KEY (post_id) REFERENCES app_public.posts(id) ON DELETE CASCADE;

--
-- Name: reposts reposts_user_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.reposts
    ADD CONSTRAINT reposts_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: sponsor_credit_transactions sponsor_credit_transactions_sponsor_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.sponsor_credit_transactions
    ADD CONSTRAINT sponsor_credit_transactions_sponsor_id_fkey FOREIGN KEY (sponsor_id) REFERENCES app_public.sponsor_credits(sponsor_id) ON DELETE CASCADE;

--
-- Name: sponsor_credits sponsor_credits_sponsor_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.sponsor_credits
    ADD CONSTRAINT sponsor_credits_sponsor_id_fkey FOREIGN KEY (sponsor_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: sponsored_interactions sponsored_interactions_sponsored_post_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.sponsored_interactions
    ADD CONSTRAINT sponsored_interactions_sponsored_post_id_fkey FOREIGN KEY (sponsored_post_id) REFERENCES app_public.sponsored_posts(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT sponsored_interactions_sponsored_post_id_fkey ON sponsored_interactions; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT sponsored_interactions_sponsored_post_id_fkey ON app_public.sponsored_interactions IS '@fieldName sponsoredPost
@foreignFieldName interactions';

--
-- Name: sponsored_posts sponsored_posts_post_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.sponsored_posts
    ADD CONSTRAINT sponsored_posts_post_id_fkey FOREIGN KEY (post_id) REFERENCES app_public.posts(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT sponsored_posts_post_id_fkey ON sponsored_posts; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT sponsored_posts_post_id_fkey ON app_public.sponsored_posts IS '@fieldName post
@foreignFieldName sponsoredPost';

--
-- Name: sponsored_posts sponsored_posts_sponsor_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.sponsored_posts
    ADD CONSTRAINT sponsored_posts_sponsor_id_fkey FOREIGN KEY (sponsor_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT sponsored_posts_sponsor_id_fkey ON sponsored_posts; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT sponsored_posts_sponsor_id_fkey ON app_public.sponsored_posts IS '@fieldName sponsor
@foreignFieldName sponsoredPosts';

--
-- Name: user_analytics user_analytics_user_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.user_analytics
    ADD CONSTRAINT user_analytics_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT user_analytics_user_id_fkey ON user_analytics; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT user_analytics_user_id_fkey ON app_public.user_analytics IS '@fieldName user
@foreignFieldName analytics';

--
-- Name: user_cheat_status user_cheat_status_cleared_by_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.user_cheat_status
    ADD CONSTRAINT user_cheat_status_cleared_by_fkey FOREIGN KEY (cleared_by) REFERENCES app_public.profiles(id) ON DELETE SET NULL;

--
-- Name: CONSTRAINT user_cheat_status_cleared_by_fkey ON user_cheat_status; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT user_cheat_status_cleared_by_fkey ON app_public.user_cheat_status IS '@fieldName clearedByProfile
@behavior -manyRelation:resource:connection -manyRelation:resource:list';

--
-- Name: user_cheat_status user_cheat_status_user_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.user_cheat_status
    ADD CONSTRAINT user_cheat_status_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT user_cheat_status_user_id_fkey ON user_cheat_status; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT user_cheat_status_user_id_fkey ON app_public.user_cheat_status IS '@fieldName user
@foreignSingleFieldName cheatStatus';

--
-- Name: user_settings user_settings_user_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.user_settings
    ADD CONSTRAINT user_settings_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: user_videos user_videos_post_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.user_videos
    ADD CONSTRAINT user_videos_post_id_fkey FOREIGN KEY (post_id) REFERENCES app_public.posts(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT user_videos_post_id_fkey ON user_videos; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT user_videos_post_id_fkey ON app_public.user_videos IS '@fieldName post
@foreignSingleFieldName video';

--
-- Name: user_videos user_videos_user_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.user_videos
    ADD CONSTRAINT user_videos_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT user_videos_user_id_fkey ON user_videos; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT user_videos_user_id_fkey ON app_public.user_videos IS '@fieldName user
@foreignFieldName videos';

--
-- Name: verification_requests verification_requests_reviewed_by_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.verification_requests
    ADD CONSTRAINT verification_requests_reviewed_by_fkey FOREIGN KEY (reviewed_by) REFERENCES app_public.profiles(id) ON DELETE SET NULL;

--
-- Name: verification_requests verification_requests_user_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.verification_requests
    ADD CONSTRAINT verification_requests_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: video_revenue video_revenue_post_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.video_revenue
    ADD CONSTRAINT video_revenue_post_id_fkey FOREIGN KEY (post_id) REFERENCES app_public.posts(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT video_revenue_post_id_fkey ON video_revenue; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT video_revenue_post_id_fkey ON app_public.video_revenue IS '@fieldName post
@foreignFieldName revenue';

--
-- Name: video_revenue video_revenue_user_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.video_revenue
    ADD CONSTRAINT video_revenue_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT video_revenue_user_id_fkey ON video_revenue; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT video_revenue_user_id_fkey ON app_public.video_revenue IS '@fieldName user
@foreignFieldName videoRevenue';

--
-- Name: withdrawal_info withdrawal_info_user_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.withdrawal_info
    ADD CONSTRAINT withdrawal_info_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT withdrawal_info_user_id_fkey ON withdrawal_info; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT withdrawal_info_user_id_fkey ON app_public.withdrawal_info IS '@fieldName user
@foreignSingleFieldName withdrawalInfo';

--
-- Name: withdrawal_requests withdrawal_requests_reviewed_by_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.withdrawal_requests
    ADD CONSTRAINT withdrawal_requests_reviewed_by_fkey FOREIGN KEY (reviewed_by) REFERENCES app_public.profiles(id) ON DELETE SET NULL;

--
-- Name: CONSTRAINT withdrawal_requests_reviewed_by_fkey ON withdrawal_requests; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT withdrawal_requests_reviewed_by_fkey ON app_public.withdrawal_requests IS '@fieldName reviewer
@behavior -manyRelation:resource:connection -manyRelation:resource:list';

--
-- Name: withdrawal_requests withdrawal_requests_user_id_fkey; Type: FK CONSTRAINT; Schema: app_public; Owner: -
--

ALTER TABLE ONLY app_public.withdrawal_requests
    ADD CONSTRAINT withdrawal_requests_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_public.profiles(id) ON DELETE CASCADE;

--
-- Name: CONSTRAINT withdrawal_requests_user_id_fkey ON withdrawal_requests; Type: COMMENT; Schema: app_public; Owner: -
--

COMMENT ON CONSTRAINT withdrawal_requests_user_id_fkey ON app_public.withdrawal_requests IS '@fieldName user
@foreignFieldName withdrawalRequests';

--
-- Name: identities identities_user_id_fkey; Type: FK CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.identities
    ADD CONSTRAINT identities_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE;

--
-- Name: refresh_tokens refresh_tokens_session_id_fkey; Type: FK CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.refresh_tokens
    ADD CONSTRAINT refresh_tokens_session_id_fkey FOREIGN KEY (session_id) REFERENCES auth.sessions(id) ON DELETE CASCADE;

--
-- Name: refresh_tokens refresh_tokens_user_id_fkey; Type: FK CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.refresh_tokens
    ADD CONSTRAINT refresh_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE;

--
-- Name: sessions sessions_user_id_fkey; Type: FK CONSTRAINT; Schema: auth; Owner: -
--

ALTER TABLE ONLY auth.sessions
    ADD CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE;

--
-- Name: blocked_users; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.blocked_users ENABLE ROW LEVEL SECURITY;

--
-- Name: bookmarks; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.bookmarks ENABLE ROW LEVEL SECURITY;

--
-- Name: cheat_status_events; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.cheat_status_events ENABLE ROW LEVEL SECURITY;

--
-- Name: comment_mentions; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.comment_mentions ENABLE ROW LEVEL SECURITY;

--
-- Name: comments; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.comments ENABLE ROW LEVEL SECURITY;

--
-- Name: conversation_participants; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.conversation_participants ENABLE ROW LEVEL SECURITY;

--
-- Name: conversations; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.conversations ENABLE ROW LEVEL SECURITY;

--
-- Name: followers; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.followers ENABLE ROW LEVEL SECURITY;

--
-- Name: hashtags; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.hashtags ENABLE ROW LEVEL SECURITY;

--
-- Name: comments insert_own; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY insert_own ON app_public.comments FOR INSERT WITH CHECK (((author_id = ( SELECT auth.uid() AS uid)) AND (EXISTS ( SELECT 1
   FROM app_public.posts p
  WHERE ((p.id = comments.post_id) AND (p.deleted_at IS NULL)))) AND (NOT (EXISTS ( SELECT 1
   FROM app_public.posts p
  WHERE ((p.id = comments.post_id) AND app_private.is_blocked_pair(p.author_id, ( SELECT auth.uid() AS uid))))))));

--
-- Name: posts insert_own; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY insert_own ON app_public.posts FOR INSERT WITH CHECK ((author_id = ( SELECT auth.uid() AS uid)));

--
-- Name: likes; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.likes ENABLE ROW LEVEL SECURITY;

--
-- Name: messages; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.messages ENABLE ROW LEVEL SECURITY;

--
-- Name: moderation_actions; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.moderation_actions ENABLE ROW LEVEL SECURITY;

--
-- Name: mutes; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.mutes ENABLE ROW LEVEL SECURITY;

--
-- Name: notifications; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.notifications ENABLE ROW LEVEL SECURITY;

--
-- Name: post_edits; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.post_edits ENABLE ROW LEVEL SECURITY;

--
-- Name: post_hashtags; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.post_hashtags ENABLE ROW LEVEL SECURITY;

--
-- Name: post_media; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.post_media ENABLE ROW LEVEL SECURITY;

--
-- Name: post_mentions; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.post_mentions ENABLE ROW LEVEL SECURITY;

--
-- Name: post_reports; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.post_reports ENABLE ROW LEVEL SECURITY;

--
-- Name: posts; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.posts ENABLE ROW LEVEL SECURITY;

--
-- Name: profile_details; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.profile_details ENABLE ROW LEVEL SECURITY;

--
-- Name: profile_likes; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.profile_likes ENABLE ROW LEVEL SECURITY;

--
-- Name: profiles; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.profiles ENABLE ROW LEVEL SECURITY;

--
-- Name: reposts; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.reposts ENABLE ROW LEVEL SECURITY;

--
-- Name: blocked_users select_own; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_own ON app_public.blocked_users FOR SELECT USING ((blocker_id = ( SELECT auth.uid() AS uid)));

--
-- Name: bookmarks select_own; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_own ON app_public.bookmarks FOR SELECT USING (((user_id = ( SELECT auth.uid() AS uid)) AND (EXISTS ( SELECT 1
   FROM app_public.posts p
  WHERE (p.id = bookmarks.post_id)))));

--
-- Name: mutes select_own; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_own ON app_public.mutes FOR SELECT USING ((muter_id = ( SELECT auth.uid() AS uid)));

--
-- Name: notifications select_own; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_own ON app_public.notifications FOR SELECT USING (((recipient_id = ( SELECT auth.uid() AS uid)) AND ((actor_id IS NULL) OR (NOT (actor_id = ANY (( SELECT app_private.viewer_block_ids() AS viewer_block_ids)::uuid[]))))));

--
-- Name: user_settings select_own; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_own ON app_public.user_settings FOR SELECT USING ((user_id = ( SELECT auth.uid() AS uid)));

--
-- Name: withdrawal_info select_own_or_admin; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_own_or_admin ON app_public.withdrawal_info FOR SELECT USING (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT auth.is_admin() AS is_admin)));

--
-- Name: withdrawal_requests select_own_or_admin; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_own_or_admin ON app_public.withdrawal_requests FOR SELECT USING (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT auth.is_admin() AS is_admin)));

--
-- Name: post_reports select_own_or_staff; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_own_or_staff ON app_public.post_reports FOR SELECT USING (((reporter_id = ( SELECT auth.uid() AS uid)) OR ( SELECT auth.is_moderator() AS is_moderator)));

--
-- Name: sponsor_credit_transactions select_own_or_staff; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_own_or_staff ON app_public.sponsor_credit_transactions FOR SELECT USING (((sponsor_id = ( SELECT auth.uid() AS uid)) OR ( SELECT auth.is_moderator() AS is_moderator)));

--
-- Name: sponsor_credits select_own_or_staff; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_own_or_staff ON app_public.sponsor_credits FOR SELECT USING (((sponsor_id = ( SELECT auth.uid() AS uid)) OR ( SELECT auth.is_moderator() AS is_moderator)));

--
-- Name: sponsored_interactions select_own_or_staff; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_own_or_staff ON app_public.sponsored_interactions FOR SELECT USING ((EXISTS ( SELECT 1
   FROM app_public.sponsored_posts s
  WHERE (s.id = sponsored_interactions.sponsored_post_id))));

--
-- Name: sponsored_posts select_own_or_staff; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_own_or_staff ON app_public.sponsored_posts FOR SELECT USING (((sponsor_id = ( SELECT auth.uid() AS uid)) OR ( SELECT auth.is_moderator() AS is_moderator)));

--
-- Name: user_analytics select_own_or_staff; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_own_or_staff ON app_public.user_analytics FOR SELECT USING (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT auth.is_moderator() AS is_moderator)));

--
-- Name: user_cheat_status select_own_or_staff; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_own_or_staff ON app_public.user_cheat_status FOR SELECT USING (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT auth.is_moderator() AS is_moderator)));

--
-- Name: verification_requests select_own_or_staff; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_own_or_staff ON app_public.verification_requests FOR SELECT USING (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT auth.is_moderator() AS is_moderator)));

--
-- Name: video_revenue select_own_or_staff; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_own_or_staff ON app_public.video_revenue FOR SELECT USING (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT auth.is_moderator() AS is_moderator)));

--
-- Name: conversation_participants select_participant; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_participant ON app_public.conversation_participants FOR SELECT USING ((conversation_id = ANY (( SELECT app_private.viewer_conversation_ids() AS viewer_conversation_ids)::uuid[])));

--
-- Name: conversations select_participant; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_participant ON app_public.conversations FOR SELECT USING ((id = ANY (( SELECT app_private.viewer_conversation_ids() AS viewer_conversation_ids)::uuid[])));

--
-- Name: messages select_participant; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_participant ON app_public.messages FOR SELECT USING (((conversation_id = ANY (( SELECT app_private.viewer_conversation_ids() AS viewer_conversation_ids)::uuid[])) AND (NOT (( SELECT auth.uid() AS uid) = ANY (hidden_for))) AND ((read_at IS NULL) OR (read_at > (now() - ( SELECT make_interval(hours => (app_private.setting('message_expiry_hours'::text))::integer) AS make_interval)))) AND (created_at > COALESCE(( SELECT cp.cleared_at
   FROM app_public.conversation_participants cp
  WHERE ((cp.conversation_id = messages.conversation_id) AND (cp.user_id = ( SELECT auth.uid() AS uid)))), '-infinity'::timestamp with time zone))));

--
-- Name: cheat_status_events select_staff; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_staff ON app_public.cheat_status_events FOR SELECT USING (( SELECT auth.is_moderator() AS is_moderator));

--
-- Name: moderation_actions select_staff; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_staff ON app_public.moderation_actions FOR SELECT USING (( SELECT auth.is_moderator() AS is_moderator));

--
-- Name: comment_mentions select_visible; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_visible ON app_public.comment_mentions FOR SELECT USING ((EXISTS ( SELECT 1
   FROM app_public.comments c
  WHERE (c.id = comment_mentions.comment_id))));

--
-- Name: comments select_visible; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_visible ON app_public.comments FOR SELECT USING (((deleted_at IS NULL) AND (EXISTS ( SELECT 1
   FROM app_public.posts p
  WHERE (p.id = comments.post_id))) AND (NOT (author_id = ANY (( SELECT app_private.viewer_block_ids() AS viewer_block_ids)::uuid[])))));

--
-- Name: followers select_visible; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_visible ON app_public.followers FOR SELECT USING (((follower_id = ( SELECT auth.uid() AS uid)) OR (following_id = ( SELECT auth.uid() AS uid)) OR ((status = 'approved'::app_public.follow_status) AND (NOT (follower_id = ANY (( SELECT app_private.viewer_block_ids() AS viewer_block_ids)::uuid[]))) AND (NOT (following_id = ANY (( SELECT app_private.viewer_block_ids() AS viewer_block_ids)::uuid[]))) AND ((following_id = ANY (( SELECT app_private.viewer_following_ids() AS viewer_following_ids)::uuid[])) OR (NOT (EXISTS ( SELECT 1
   FROM app_public.profiles p
  WHERE ((p.id = followers.following_id) AND p.is_private))))) AND ((follower_id = ANY (( SELECT app_private.viewer_following_ids() AS viewer_following_ids)::uuid[])) OR (NOT (EXISTS ( SELECT 1
   FROM app_public.profiles p
  WHERE ((p.id = followers.follower_id) AND p.is_private))))))));

--
-- Name: hashtags select_visible; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_visible ON app_public.hashtags FOR SELECT USING ((EXISTS ( SELECT 1
   FROM app_public.post_hashtags ph
  WHERE (ph.hashtag_id = hashtags.id))));

--
-- Name: likes select_visible; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_visible ON app_public.likes FOR SELECT USING (((EXISTS ( SELECT 1
   FROM app_public.posts p
  WHERE (p.id = likes.post_id))) AND (NOT (user_id = ANY (( SELECT app_private.viewer_block_ids() AS viewer_block_ids)::uuid[])))));

--
-- Name: post_edits select_visible; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_visible ON app_public.post_edits FOR SELECT USING ((EXISTS ( SELECT 1
   FROM app_public.posts p
  WHERE (p.id = post_edits.post_id))));

--
-- Name: post_hashtags select_visible; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_visible ON app_public.post_hashtags FOR SELECT USING ((EXISTS ( SELECT 1
   FROM app_public.posts p
  WHERE (p.id = post_hashtags.post_id))));

--
-- Name: post_media select_visible; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_visible ON app_public.post_media FOR SELECT USING ((EXISTS ( SELECT 1
   FROM app_public.posts p
  WHERE (p.id = post_media.post_id))));

--
-- Name: post_mentions select_visible; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_visible ON app_public.post_mentions FOR SELECT USING ((EXISTS ( SELECT 1
   FROM app_public.posts p
  WHERE (p.id = post_mentions.post_id))));

--
-- Name: posts select_visible; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_visible ON app_public.posts FOR SELECT USING ((((deleted_at IS NULL) AND app_private.post_visible(( SELECT auth.uid() AS uid), author_id, audience, (EXISTS ( SELECT 1
   FROM app_public.profiles a
  WHERE ((a.id = posts.author_id) AND a.is_private))), is_paid,
CASE
    WHEN (author_id = ANY (( SELECT app_private.viewer_following_ids() AS viewer_following_ids)::uuid[])) THEN
    CASE
        WHEN (EXISTS ( SELECT 1
           FROM app_public.followers f
          WHERE ((f.follower_id = posts.author_id) AND (f.following_id = ( SELECT auth.uid() AS uid)) AND (f.status = 'approved'::app_public.follow_status)))) THEN 2
        ELSE 1
    END
    ELSE 0
END, (author_id = ANY (( SELECT app_private.viewer_block_ids() AS viewer_block_ids)::uuid[])))) OR ( SELECT auth.is_moderator() AS is_moderator)));

--
-- Name: profile_details select_visible; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_visible ON app_public.profile_details FOR SELECT USING (app_hidden.can_view_profile(( SELECT auth.uid() AS uid), profile_id));

--
-- Name: profile_likes select_visible; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_visible ON app_public.profile_likes FOR SELECT USING (((liker_id = ( SELECT auth.uid() AS uid)) OR (profile_id = ( SELECT auth.uid() AS uid))));

--
-- Name: profiles select_visible; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_visible ON app_public.profiles FOR SELECT USING ((NOT (id = ANY (( SELECT app_private.viewer_block_ids() AS viewer_block_ids)::uuid[]))));

--
-- Name: reposts select_visible; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_visible ON app_public.reposts FOR SELECT USING (((EXISTS ( SELECT 1
   FROM app_public.posts p
  WHERE (p.id = reposts.post_id))) AND (NOT (user_id = ANY (( SELECT app_private.viewer_block_ids() AS viewer_block_ids)::uuid[])))));

--
-- Name: user_videos select_visible; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY select_visible ON app_public.user_videos FOR SELECT USING ((EXISTS ( SELECT 1
   FROM app_public.posts p
  WHERE (p.id = user_videos.post_id))));

--
-- Name: sponsor_credit_transactions; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.sponsor_credit_transactions ENABLE ROW LEVEL SECURITY;

--
-- Name: sponsor_credits; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.sponsor_credits ENABLE ROW LEVEL SECURITY;

--
-- Name: sponsored_interactions; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.sponsored_interactions ENABLE ROW LEVEL SECURITY;

--
-- Name: sponsored_posts; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.sponsored_posts ENABLE ROW LEVEL SECURITY;

--
-- Name: comments update_own; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY update_own ON app_public.comments FOR UPDATE USING (((author_id = ( SELECT auth.uid() AS uid)) AND (deleted_at IS NULL))) WITH CHECK ((author_id = ( SELECT auth.uid() AS uid)));

--
-- Name: posts update_own; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY update_own ON app_public.posts FOR UPDATE USING (((author_id = ( SELECT auth.uid() AS uid)) AND (deleted_at IS NULL))) WITH CHECK ((author_id = ( SELECT auth.uid() AS uid)));

--
-- Name: sponsored_posts update_own; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY update_own ON app_public.sponsored_posts FOR UPDATE USING ((sponsor_id = ( SELECT auth.uid() AS uid))) WITH CHECK ((sponsor_id = ( SELECT auth.uid() AS uid)));

--
-- Name: user_settings update_own; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY update_own ON app_public.user_settings FOR UPDATE USING ((user_id = ( SELECT auth.uid() AS uid))) WITH CHECK ((user_id = ( SELECT auth.uid() AS uid)));

--
-- Name: profile_details update_self; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY update_self ON app_public.profile_details FOR UPDATE USING ((profile_id = ( SELECT auth.uid() AS uid))) WITH CHECK ((profile_id = ( SELECT auth.uid() AS uid)));

--
-- Name: profiles update_self; Type: POLICY; Schema: app_public; Owner: -
--

CREATE POLICY update_self ON app_public.profiles FOR UPDATE USING ((id = ( SELECT auth.uid() AS uid))) WITH CHECK ((id = ( SELECT auth.uid() AS uid)));

--
-- Name: user_analytics; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.user_analytics ENABLE ROW LEVEL SECURITY;

--
-- Name: user_cheat_status; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.user_cheat_status ENABLE ROW LEVEL SECURITY;

--
-- Name: user_settings; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.user_settings ENABLE ROW LEVEL SECURITY;

--
-- Name: user_videos; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.user_videos ENABLE ROW LEVEL SECURITY;

--
-- Name: verification_requests; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.verification_requests ENABLE ROW LEVEL SECURITY;

--
-- Name: video_revenue; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.video_revenue ENABLE ROW LEVEL SECURITY;

--
-- Name: withdrawal_info; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.withdrawal_info ENABLE ROW LEVEL SECURITY;

--
-- Name: withdrawal_requests; Type: ROW SECURITY; Schema: app_public; Owner: -
--

ALTER TABLE app_public.withdrawal_requests ENABLE ROW LEVEL SECURITY;

--
-- Name: SCHEMA app_hidden; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA app_hidden TO anon;
GRANT USAGE ON SCHEMA app_hidden TO authenticated;
GRANT USAGE ON SCHEMA app_hidden TO service_role;

--
-- Name: SCHEMA app_private; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA app_private TO anon;
GRANT USAGE ON SCHEMA app_private TO authenticated;
GRANT USAGE ON SCHEMA app_private TO service_role;

--
-- Name: SCHEMA app_public; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA app_public TO anon;
GRANT USAGE ON SCHEMA app_public TO authenticated;
GRANT USAGE ON SCHEMA app_public TO service_role;

--
-- Name: SCHEMA auth; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA auth TO anon;
GRANT USAGE ON SCHEMA auth TO authenticated;
GRANT USAGE ON SCHEMA auth TO service_role;

--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: -
--

REVOKE USAGE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO anon;
GRANT USAGE ON SCHEMA public TO authenticated;
GRANT USAGE ON SCHEMA public TO service_role;

--
-- Name: FUNCTION check_money(amount numeric); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.check_money(amount numeric) FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.check_money(amount numeric) TO anon;
GRANT ALL ON FUNCTION app_private.check_money(amount numeric) TO authenticated;
GRANT ALL ON FUNCTION app_private.check_money(amount numeric) TO service_role;

--
-- Name: FUNCTION are_mutual_followers(a uuid, b uuid); Type: ACL; Schema: app_hidden; Owner: -
--

REVOKE ALL ON FUNCTION app_hidden.are_mutual_followers(a uuid, b uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_hidden.are_mutual_followers(a uuid, b uuid) TO anon;
GRANT ALL ON FUNCTION app_hidden.are_mutual_followers(a uuid, b uuid) TO authenticated;
GRANT ALL ON FUNCTION app_hidden.are_mutual_followers(a uuid, b uuid) TO service_role;

--
-- Name: FUNCTION can_message_user(sender_id uuid, recipient_id uuid); Type: ACL; Schema: app_hidden; Owner: -
--

REVOKE ALL ON FUNCTION app_hidden.can_message_user(sender_id uuid, recipient_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_hidden.can_message_user(sender_id uuid, recipient_id uuid) TO anon;
GRANT ALL ON FUNCTION app_hidden.can_message_user(sender_id uuid, recipient_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_hidden.can_message_user(sender_id uuid, recipient_id uuid) TO service_role;

--
-- Name: FUNCTION can_see_post(viewer_id uuid, post_id uuid); Type: ACL; Schema: app_hidden; Owner: -
--

REVOKE ALL ON FUNCTION app_hidden.can_see_post(viewer_id uuid, post_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_hidden.can_see_post(viewer_id uuid, post_id uuid) TO anon;
GRANT ALL ON FUNCTION app_hidden.can_see_post(viewer_id uuid, post_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_hidden.can_see_post(viewer_id uuid, post_id uuid) TO service_role;

--
-- Name: FUNCTION can_view_active_status(viewer_id uuid, target_id uuid); Type: ACL; Schema: app_hidden; Owner: -
--

REVOKE ALL ON FUNCTION app_hidden.can_view_active_status(viewer_id uuid, target_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_hidden.can_view_active_status(viewer_id uuid, target_id uuid) TO anon;
GRANT ALL ON FUNCTION app_hidden.can_view_active_status(viewer_id uuid, target_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_hidden.can_view_active_status(viewer_id uuid, target_id uuid) TO service_role;

--
-- Name: FUNCTION can_view_profile(viewer_id uuid, target_id uuid); Type: ACL; Schema: app_hidden; Owner: -
--

REVOKE ALL ON FUNCTION app_hidden.can_view_profile(viewer_id uuid, target_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_hidden.can_view_profile(viewer_id uuid, target_id uuid) TO anon;
GRANT ALL ON FUNCTION app_hidden.can_view_profile(viewer_id uuid, target_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_hidden.can_view_profile(viewer_id uuid, target_id uuid) TO service_role;

--
-- Name: FUNCTION check_mutual_likes(a uuid, b uuid); Type: ACL; Schema: app_hidden; Owner: -
--

REVOKE ALL ON FUNCTION app_hidden.check_mutual_likes(a uuid, b uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_hidden.check_mutual_likes(a uuid, b uuid) TO anon;
GRANT ALL ON FUNCTION app_hidden.check_mutual_likes(a uuid, b uuid) TO authenticated;
GRANT ALL ON FUNCTION app_hidden.check_mutual_likes(a uuid, b uuid) TO service_role;

--
-- Name: FUNCTION check_length(value text, max_length integer, what text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.check_length(value text, max_length integer, what text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.check_length(value text, max_length integer, what text) TO anon;
GRANT ALL ON FUNCTION app_private.check_length(value text, max_length integer, what text) TO authenticated;
GRANT ALL ON FUNCTION app_private.check_length(value text, max_length integer, what text) TO service_role;

--
-- Name: FUNCTION uid(); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.uid() FROM PUBLIC;
GRANT ALL ON FUNCTION auth.uid() TO anon;
GRANT ALL ON FUNCTION auth.uid() TO authenticated;
GRANT ALL ON FUNCTION auth.uid() TO service_role;

--
-- Name: TABLE posts; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.posts TO anon;
GRANT SELECT ON TABLE app_public.posts TO authenticated;
GRANT SELECT ON TABLE app_public.posts TO service_role;

--
-- Name: COLUMN posts.body; Type: ACL; Schema: app_public; Owner: -
--

GRANT INSERT(body),UPDATE(body) ON TABLE app_public.posts TO authenticated;

--
-- Name: COLUMN posts.audience; Type: ACL; Schema: app_public; Owner: -
--

GRANT INSERT(audience),UPDATE(audience) ON TABLE app_public.posts TO authenticated;

--
-- Name: COLUMN posts.is_paid; Type: ACL; Schema: app_public; Owner: -
--

GRANT INSERT(is_paid) ON TABLE app_public.posts TO authenticated;

--
-- Name: COLUMN posts.metadata; Type: ACL; Schema: app_public; Owner: -
--

GRANT INSERT(metadata),UPDATE(metadata) ON TABLE app_public.posts TO authenticated;

--
-- Name: FUNCTION get_visible_posts_for_user(viewer_id uuid, author_id uuid, before_created_at timestamp with time zone, before_id uuid, max_results integer); Type: ACL; Schema: app_hidden; Owner: -
--

REVOKE ALL ON FUNCTION app_hidden.get_visible_posts_for_user(viewer_id uuid, author_id uuid, before_created_at timestamp with time zone, before_id uuid, max_results integer) FROM PUBLIC;
GRANT ALL ON FUNCTION app_hidden.get_visible_posts_for_user(viewer_id uuid, author_id uuid, before_created_at timestamp with time zone, before_id uuid, max_results integer) TO anon;
GRANT ALL ON FUNCTION app_hidden.get_visible_posts_for_user(viewer_id uuid, author_id uuid, before_created_at timestamp with time zone, before_id uuid, max_results integer) TO authenticated;
GRANT ALL ON FUNCTION app_hidden.get_visible_posts_for_user(viewer_id uuid, author_id uuid, before_created_at timestamp with time zone, before_id uuid, max_results integer) TO service_role;

--
-- Name: FUNCTION is_user_blocked(a uuid, b uuid); Type: ACL; Schema: app_hidden; Owner: -
--

REVOKE ALL ON FUNCTION app_hidden.is_user_blocked(a uuid, b uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_hidden.is_user_blocked(a uuid, b uuid) TO anon;
GRANT ALL ON FUNCTION app_hidden.is_user_blocked(a uuid, b uuid) TO authenticated;
GRANT ALL ON FUNCTION app_hidden.is_user_blocked(a uuid, b uuid) TO service_role;

--
-- Name: FUNCTION add_job(task text, payload json, job_key text, run_at timestamp with time zone, max_attempts integer, priority integer); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.add_job(task text, payload json, job_key text, run_at timestamp with time zone, max_attempts integer, priority integer) FROM PUBLIC;

--
-- Name: FUNCTION add_post_views(post_ids uuid[]); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.add_post_views(post_ids uuid[]) FROM PUBLIC;

--
-- Name: FUNCTION age_band(birth_date date, on_day date); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.age_band(birth_date date, on_day date) FROM PUBLIC;

--
-- Name: FUNCTION anonymous_viewer_key(ip inet); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.anonymous_viewer_key(ip inet) FROM PUBLIC;

--
-- Name: TABLE sponsor_credit_transactions; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.sponsor_credit_transactions TO authenticated;
GRANT SELECT ON TABLE app_public.sponsor_credit_transactions TO service_role;
GRANT SELECT ON TABLE app_public.sponsor_credit_transactions TO anon;

--
-- Name: FUNCTION apply_sponsor_credit_change(sponsor_id uuid, kind text, amount numeric, idempotency_key text, reason text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.apply_sponsor_credit_change(sponsor_id uuid, kind text, amount numeric, idempotency_key text, reason text) FROM PUBLIC;

--
-- Name: FUNCTION available_balance(user_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.available_balance(user_id uuid) FROM PUBLIC;

--
-- Name: COLUMN sponsored_interactions.id; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT(id) ON TABLE app_public.sponsored_interactions TO authenticated;
GRANT SELECT(id) ON TABLE app_public.sponsored_interactions TO service_role;
GRANT SELECT(id) ON TABLE app_public.sponsored_interactions TO anon;

--
-- Name: COLUMN sponsored_interactions.sponsored_post_id; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT(sponsored_post_id) ON TABLE app_public.sponsored_interactions TO authenticated;
GRANT SELECT(sponsored_post_id) ON TABLE app_public.sponsored_interactions TO service_role;
GRANT SELECT(sponsored_post_id) ON TABLE app_public.sponsored_interactions TO anon;

--
-- Name: COLUMN sponsored_interactions.kind; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT(kind) ON TABLE app_public.sponsored_interactions TO authenticated;
GRANT SELECT(kind) ON TABLE app_public.sponsored_interactions TO service_role;
GRANT SELECT(kind) ON TABLE app_public.sponsored_interactions TO anon;

--
-- Name: COLUMN sponsored_interactions.day; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT(day) ON TABLE app_public.sponsored_interactions TO authenticated;
GRANT SELECT(day) ON TABLE app_public.sponsored_interactions TO service_role;
GRANT SELECT(day) ON TABLE app_public.sponsored_interactions TO anon;

--
-- Name: COLUMN sponsored_interactions.amount; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT(amount) ON TABLE app_public.sponsored_interactions TO authenticated;
GRANT SELECT(amount) ON TABLE app_public.sponsored_interactions TO service_role;
GRANT SELECT(amount) ON TABLE app_public.sponsored_interactions TO anon;

--
-- Name: FUNCTION charge_sponsored_interaction(sponsored_post_id uuid, viewer_id uuid, kind app_public.sponsored_interaction_kind); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.charge_sponsored_interaction(sponsored_post_id uuid, viewer_id uuid, kind app_public.sponsored_interaction_kind) FROM PUBLIC;

--
-- Name: FUNCTION count_follow(follower uuid, target uuid, delta integer); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.count_follow(follower uuid, target uuid, delta integer) FROM PUBLIC;

--
-- Name: FUNCTION count_post_views(events jsonb); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.count_post_views(events jsonb) FROM PUBLIC;

--
-- Name: FUNCTION delete_expired_messages(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.delete_expired_messages() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.delete_expired_messages() TO service_role;

--
-- Name: FUNCTION demonetize_account_if_repeated(user_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.demonetize_account_if_repeated(user_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION demonetize_post_if_reported(post_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.demonetize_post_if_reported(post_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION derive_handle(display_name text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.derive_handle(display_name text) FROM PUBLIC;

--
-- Name: FUNCTION encrypt_message_body(body text, OUT key_id text, OUT ciphertext bytea); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.encrypt_message_body(body text, OUT key_id text, OUT ciphertext bytea) FROM PUBLIC;

--
-- Name: FUNCTION encrypt_with_key(body text, key text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.encrypt_with_key(body text, key text) FROM PUBLIC;

--
-- Name: FUNCTION extract_hashtags(body text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.extract_hashtags(body text) FROM PUBLIC;

--
-- Name: FUNCTION extract_mentions(body text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.extract_mentions(body text) FROM PUBLIC;

--
-- Name: FUNCTION feed_candidates(authors uuid[], before_at timestamp with time zone, before_post uuid, before_reposter uuid, window_size integer, viewer uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.feed_candidates(authors uuid[], before_at timestamp with time zone, before_post uuid, before_reposter uuid, window_size integer, viewer uuid) FROM PUBLIC;

--
-- Name: FUNCTION feed_cursor(feed_at timestamp with time zone, post_id uuid, reposter uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.feed_cursor(feed_at timestamp with time zone, post_id uuid, reposter uuid) FROM PUBLIC;

--
-- Name: FUNCTION feed_cursor_parts(cursor text, OUT feed_at timestamp with time zone, OUT post_id uuid, OUT reposter uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.feed_cursor_parts(cursor text, OUT feed_at timestamp with time zone, OUT post_id uuid, OUT reposter uuid) FROM PUBLIC;

--
-- Name: FUNCTION feed_recipients(post_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.feed_recipients(post_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION follows(follower uuid, target uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.follows(follower uuid, target uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.follows(follower uuid, target uuid) TO anon;
GRANT ALL ON FUNCTION app_private.follows(follower uuid, target uuid) TO authenticated;
GRANT ALL ON FUNCTION app_private.follows(follower uuid, target uuid) TO service_role;

--
-- Name: FUNCTION home_feed_cache_entries(user_id uuid, OUT version bigint, OUT cap integer, OUT entries text[]); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.home_feed_cache_entries(user_id uuid, OUT version bigint, OUT cap integer, OUT entries text[]) FROM PUBLIC;

--
-- Name: FUNCTION home_feed_cache_push(post_id uuid, reposter uuid, OUT member text, OUT cap integer, OUT recipients uuid[]); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.home_feed_cache_push(post_id uuid, reposter uuid, OUT member text, OUT cap integer, OUT recipients uuid[]) FROM PUBLIC;

--
-- Name: FUNCTION home_feed_cache_recipients(post_id uuid, reposter uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.home_feed_cache_recipients(post_id uuid, reposter uuid) FROM PUBLIC;

--
-- Name: FUNCTION home_feed_page(viewer uuid, candidates app_public.feed_entry[], muted uuid[]); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.home_feed_page(viewer uuid, candidates app_public.feed_entry[], muted uuid[]) FROM PUBLIC;

--
-- Name: FUNCTION ingest_view_batch(batch_id text, events jsonb); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.ingest_view_batch(batch_id text, events jsonb) FROM PUBLIC;

--
-- Name: FUNCTION is_blocked_pair(a uuid, b uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.is_blocked_pair(a uuid, b uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.is_blocked_pair(a uuid, b uuid) TO anon;
GRANT ALL ON FUNCTION app_private.is_blocked_pair(a uuid, b uuid) TO authenticated;
GRANT ALL ON FUNCTION app_private.is_blocked_pair(a uuid, b uuid) TO service_role;

--
-- Name: FUNCTION is_cheat_flagged(user_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.is_cheat_flagged(user_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION is_monetization_eligible(user_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.is_monetization_eligible(user_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION is_reserved_handle(handle text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.is_reserved_handle(handle text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.is_reserved_handle(handle text) TO anon;
GRANT ALL ON FUNCTION app_private.is_reserved_handle(handle text) TO authenticated;
GRANT ALL ON FUNCTION app_private.is_reserved_handle(handle text) TO service_role;

--
-- Name: FUNCTION is_staff(user_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.is_staff(user_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION is_suspended(user_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.is_suspended(user_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION message_key(key_id text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.message_key(key_id text) FROM PUBLIC;

--
-- Name: FUNCTION monetization_conditions(user_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.monetization_conditions(user_id uuid) FROM PUBLIC;

--
-- Name: TABLE withdrawal_requests; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.withdrawal_requests TO authenticated;
GRANT SELECT ON TABLE app_public.withdrawal_requests TO service_role;
GRANT SELECT ON TABLE app_public.withdrawal_requests TO anon;

--
-- Name: FUNCTION move_withdrawal(request_id uuid, from_statuses app_public.withdrawal_status[], to_status app_public.withdrawal_status, note text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.move_withdrawal(request_id uuid, from_statuses app_public.withdrawal_status[], to_status app_public.withdrawal_status, note text) FROM PUBLIC;

--
-- Name: FUNCTION notification_group_key(type app_public.notification_type, post_id uuid, data jsonb); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.notification_group_key(type app_public.notification_type, post_id uuid, data jsonb) FROM PUBLIC;

--
-- Name: FUNCTION notification_push_payload(notification_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.notification_push_payload(notification_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION notify(recipient_id uuid, type app_public.notification_type, actor_id uuid, post_id uuid, comment_id uuid, data jsonb); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.notify(recipient_id uuid, type app_public.notification_type, actor_id uuid, post_id uuid, comment_id uuid, data jsonb) FROM PUBLIC;

--
-- Name: FUNCTION notify_feed(post_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.notify_feed(post_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION pause_sponsored_post(id uuid, reason app_public.sponsored_pause_reason); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.pause_sponsored_post(id uuid, reason app_public.sponsored_pause_reason) FROM PUBLIC;

--
-- Name: FUNCTION post_report_count(post_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.post_report_count(post_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION post_visible(viewer uuid, author uuid, audience app_public.post_audience, author_private boolean, is_paid boolean, relationship integer, blocked boolean); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.post_visible(viewer uuid, author uuid, audience app_public.post_audience, author_private boolean, is_paid boolean, relationship integer, blocked boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.post_visible(viewer uuid, author uuid, audience app_public.post_audience, author_private boolean, is_paid boolean, relationship integer, blocked boolean) TO anon;
GRANT ALL ON FUNCTION app_private.post_visible(viewer uuid, author uuid, audience app_public.post_audience, author_private boolean, is_paid boolean, relationship integer, blocked boolean) TO authenticated;
GRANT ALL ON FUNCTION app_private.post_visible(viewer uuid, author uuid, audience app_public.post_audience, author_private boolean, is_paid boolean, relationship integer, blocked boolean) TO service_role;

--
-- Name: FUNCTION prune_view_windows(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.prune_view_windows() FROM PUBLIC;

--
-- Name: FUNCTION record_notification_push(notification_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.record_notification_push(notification_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION record_signed_in_address(user_id uuid, ip inet); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.record_signed_in_address(user_id uuid, ip inet) FROM PUBLIC;

--
-- Name: FUNCTION reencrypt_messages(max_rows integer); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.reencrypt_messages(max_rows integer) FROM PUBLIC;

--
-- Name: FUNCTION refresh_feed_pull_authors(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.refresh_feed_pull_authors() FROM PUBLIC;

--
-- Name: FUNCTION refresh_user_analytics(day date); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.refresh_user_analytics(day date) FROM PUBLIC;

--
-- Name: FUNCTION request_ip(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.request_ip() FROM PUBLIC;

--
-- Name: FUNCTION require_admin(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.require_admin() FROM PUBLIC;

--
-- Name: FUNCTION require_jobs_or_admin(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.require_jobs_or_admin() FROM PUBLIC;

--
-- Name: FUNCTION require_moderator(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.require_moderator() FROM PUBLIC;

--
-- Name: FUNCTION require_money_operator(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.require_money_operator() FROM PUBLIC;

--
-- Name: FUNCTION require_staff(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.require_staff() FROM PUBLIC;

--
-- Name: FUNCTION require_user(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.require_user() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.require_user() TO anon;
GRANT ALL ON FUNCTION app_private.require_user() TO authenticated;
GRANT ALL ON FUNCTION app_private.require_user() TO service_role;

--
-- Name: FUNCTION require_visible_post(post_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.require_visible_post(post_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION setting(key text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.setting(key text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.setting(key text) TO anon;
GRANT ALL ON FUNCTION app_private.setting(key text) TO authenticated;
GRANT ALL ON FUNCTION app_private.setting(key text) TO service_role;

--
-- Name: TABLE sponsored_posts; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.sponsored_posts TO authenticated;
GRANT SELECT ON TABLE app_public.sponsored_posts TO service_role;
GRANT SELECT ON TABLE app_public.sponsored_posts TO anon;

--
-- Name: COLUMN sponsored_posts.placements; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(placements) ON TABLE app_public.sponsored_posts TO authenticated;

--
-- Name: COLUMN sponsored_posts.target_categories; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(target_categories) ON TABLE app_public.sponsored_posts TO authenticated;

--
-- Name: COLUMN sponsored_posts.target_markets; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(target_markets) ON TABLE app_public.sponsored_posts TO authenticated;

--
-- Name: COLUMN sponsored_posts.target_countries; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(target_countries) ON TABLE app_public.sponsored_posts TO authenticated;

--
-- Name: COLUMN sponsored_posts.target_age_bands; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(target_age_bands) ON TABLE app_public.sponsored_posts TO authenticated;

--
-- Name: COLUMN sponsored_posts.cost_per_impression; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(cost_per_impression) ON TABLE app_public.sponsored_posts TO authenticated;

--
-- Name: COLUMN sponsored_posts.cost_per_like; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(cost_per_like) ON TABLE app_public.sponsored_posts TO authenticated;

--
-- Name: COLUMN sponsored_posts.budget; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(budget) ON TABLE app_public.sponsored_posts TO authenticated;

--
-- Name: FUNCTION sponsored_candidates(viewer uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.sponsored_candidates(viewer uuid) FROM PUBLIC;

--
-- Name: FUNCTION sponsored_next_charge(s app_public.sponsored_posts); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.sponsored_next_charge(s app_public.sponsored_posts) FROM PUBLIC;

--
-- Name: FUNCTION sponsored_post_fundable(s app_public.sponsored_posts, balance numeric); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.sponsored_post_fundable(s app_public.sponsored_posts, balance numeric) FROM PUBLIC;

--
-- Name: FUNCTION tg__refuse_suspended(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg__refuse_suspended() FROM PUBLIC;

--
-- Name: FUNCTION tg__timestamps(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg__timestamps() FROM PUBLIC;

--
-- Name: FUNCTION tg_comment_mentions__notify(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_comment_mentions__notify() FROM PUBLIC;

--
-- Name: FUNCTION tg_comments__after(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_comments__after() FROM PUBLIC;

--
-- Name: FUNCTION tg_comments__notify(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_comments__notify() FROM PUBLIC;

--
-- Name: FUNCTION tg_comments__validate(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_comments__validate() FROM PUBLIC;

--
-- Name: FUNCTION tg_followers__count(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_followers__count() FROM PUBLIC;

--
-- Name: FUNCTION tg_followers__home_feed_changed(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_followers__home_feed_changed() FROM PUBLIC;

--
-- Name: FUNCTION tg_followers__notify(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_followers__notify() FROM PUBLIC;

--
-- Name: FUNCTION tg_likes__charge_sponsored(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_likes__charge_sponsored() FROM PUBLIC;

--
-- Name: FUNCTION tg_likes__count(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_likes__count() FROM PUBLIC;

--
-- Name: FUNCTION tg_likes__notify(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_likes__notify() FROM PUBLIC;

--
-- Name: FUNCTION tg_mail_outbox__queue(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_mail_outbox__queue() FROM PUBLIC;

--
-- Name: FUNCTION tg_messages__created(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_messages__created() FROM PUBLIC;

--
-- Name: FUNCTION tg_moderation_actions__not_own(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_moderation_actions__not_own() FROM PUBLIC;

--
-- Name: FUNCTION tg_post_media__videos(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_post_media__videos() FROM PUBLIC;

--
-- Name: FUNCTION tg_post_mentions__notify(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_post_mentions__notify() FROM PUBLIC;

--
-- Name: FUNCTION tg_post_reports__demonetize(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_post_reports__demonetize() FROM PUBLIC;

--
-- Name: FUNCTION tg_posts__count(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_posts__count() FROM PUBLIC;

--
-- Name: FUNCTION tg_posts__extract(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_posts__extract() FROM PUBLIC;

--
-- Name: FUNCTION tg_posts__fan_out(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_posts__fan_out() FROM PUBLIC;

--
-- Name: FUNCTION tg_posts__keep_history(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_posts__keep_history() FROM PUBLIC;

--
-- Name: FUNCTION tg_posts__validate(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_posts__validate() FROM PUBLIC;

--
-- Name: FUNCTION tg_profile_likes__count(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_profile_likes__count() FROM PUBLIC;

--
-- Name: FUNCTION tg_profiles__check_handle(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_profiles__check_handle() FROM PUBLIC;

--
-- Name: FUNCTION tg_profiles__create_rows(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_profiles__create_rows() FROM PUBLIC;

--
-- Name: FUNCTION tg_profiles__feed_pull(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_profiles__feed_pull() FROM PUBLIC;

--
-- Name: FUNCTION tg_profiles__privacy_change(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_profiles__privacy_change() FROM PUBLIC;

--
-- Name: FUNCTION tg_reposts__count(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_reposts__count() FROM PUBLIC;

--
-- Name: FUNCTION tg_reposts__fan_out(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_reposts__fan_out() FROM PUBLIC;

--
-- Name: FUNCTION tg_reposts__notify(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_reposts__notify() FROM PUBLIC;

--
-- Name: FUNCTION tg_sponsor_credit_transactions__resume_campaigns(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_sponsor_credit_transactions__resume_campaigns() FROM PUBLIC;

--
-- Name: FUNCTION tg_sponsored_posts__money_scale(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_sponsored_posts__money_scale() FROM PUBLIC;

--
-- Name: FUNCTION tg_sponsored_posts__notify(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_sponsored_posts__notify() FROM PUBLIC;

--
-- Name: FUNCTION tg_user_cheat_status__not_own(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_user_cheat_status__not_own() FROM PUBLIC;

--
-- Name: FUNCTION tg_users__create_profile(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_users__create_profile() FROM PUBLIC;

--
-- Name: FUNCTION tg_video_revenue__notify(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_video_revenue__notify() FROM PUBLIC;

--
-- Name: FUNCTION tg_withdrawal_requests__not_own(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_withdrawal_requests__not_own() FROM PUBLIC;

--
-- Name: FUNCTION tg_withdrawal_requests__notify(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.tg_withdrawal_requests__notify() FROM PUBLIC;

--
-- Name: FUNCTION touch_activity(user_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.touch_activity(user_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION update_cheat_statuses(since timestamp with time zone); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.update_cheat_statuses(since timestamp with time zone) FROM PUBLIC;

--
-- Name: FUNCTION utc_today(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.utc_today() FROM PUBLIC;

--
-- Name: FUNCTION view_events(events jsonb); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.view_events(events jsonb) FROM PUBLIC;

--
-- Name: FUNCTION viewer_block_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.viewer_block_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.viewer_block_ids() TO anon;
GRANT ALL ON FUNCTION app_private.viewer_block_ids() TO authenticated;
GRANT ALL ON FUNCTION app_private.viewer_block_ids() TO service_role;

--
-- Name: FUNCTION viewer_conversation_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.viewer_conversation_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.viewer_conversation_ids() TO anon;
GRANT ALL ON FUNCTION app_private.viewer_conversation_ids() TO authenticated;
GRANT ALL ON FUNCTION app_private.viewer_conversation_ids() TO service_role;

--
-- Name: FUNCTION viewer_follower_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.viewer_follower_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.viewer_follower_ids() TO anon;
GRANT ALL ON FUNCTION app_private.viewer_follower_ids() TO authenticated;
GRANT ALL ON FUNCTION app_private.viewer_follower_ids() TO service_role;

--
-- Name: FUNCTION viewer_following_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.viewer_following_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.viewer_following_ids() TO anon;
GRANT ALL ON FUNCTION app_private.viewer_following_ids() TO authenticated;
GRANT ALL ON FUNCTION app_private.viewer_following_ids() TO service_role;

--
-- Name: FUNCTION viewer_mute_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.viewer_mute_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.viewer_mute_ids() TO anon;
GRANT ALL ON FUNCTION app_private.viewer_mute_ids() TO authenticated;
GRANT ALL ON FUNCTION app_private.viewer_mute_ids() TO service_role;

--
-- Name: FUNCTION visible_entries(viewer uuid, entries app_public.feed_entry[]); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.visible_entries(viewer uuid, entries app_public.feed_entry[]) FROM PUBLIC;

--
-- Name: FUNCTION worker_heartbeat(worker_id text, hostname text, pid integer, started_at timestamp with time zone); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.worker_heartbeat(worker_id text, hostname text, pid integer, started_at timestamp with time zone) FROM PUBLIC;

--
-- Name: FUNCTION add_sponsor_credits(sponsor_id uuid, amount app_public.money, idempotency_key text, reason text); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.add_sponsor_credits(sponsor_id uuid, amount app_public.money, idempotency_key text, reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.add_sponsor_credits(sponsor_id uuid, amount app_public.money, idempotency_key text, reason text) TO anon;
GRANT ALL ON FUNCTION app_public.add_sponsor_credits(sponsor_id uuid, amount app_public.money, idempotency_key text, reason text) TO authenticated;
GRANT ALL ON FUNCTION app_public.add_sponsor_credits(sponsor_id uuid, amount app_public.money, idempotency_key text, reason text) TO service_role;

--
-- Name: TABLE followers; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.followers TO anon;
GRANT SELECT ON TABLE app_public.followers TO authenticated;
GRANT SELECT ON TABLE app_public.followers TO service_role;

--
-- Name: FUNCTION approve_follow_request(follower_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.approve_follow_request(follower_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.approve_follow_request(follower_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.approve_follow_request(follower_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.approve_follow_request(follower_id uuid) TO service_role;

--
-- Name: FUNCTION approve_withdrawal(request_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.approve_withdrawal(request_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.approve_withdrawal(request_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.approve_withdrawal(request_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.approve_withdrawal(request_id uuid) TO service_role;

--
-- Name: TABLE blocked_users; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.blocked_users TO anon;
GRANT SELECT ON TABLE app_public.blocked_users TO authenticated;
GRANT SELECT ON TABLE app_public.blocked_users TO service_role;

--
-- Name: FUNCTION block_user(target_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.block_user(target_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.block_user(target_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.block_user(target_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.block_user(target_id uuid) TO service_role;

--
-- Name: TABLE bookmarks; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.bookmarks TO authenticated;
GRANT SELECT ON TABLE app_public.bookmarks TO service_role;
GRANT SELECT ON TABLE app_public.bookmarks TO anon;

--
-- Name: FUNCTION bookmark_post(post_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.bookmark_post(post_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.bookmark_post(post_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.bookmark_post(post_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.bookmark_post(post_id uuid) TO service_role;

--
-- Name: FUNCTION calculate_monthly_revenue(month date); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.calculate_monthly_revenue(month date) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.calculate_monthly_revenue(month date) TO anon;
GRANT ALL ON FUNCTION app_public.calculate_monthly_revenue(month date) TO authenticated;
GRANT ALL ON FUNCTION app_public.calculate_monthly_revenue(month date) TO service_role;

--
-- Name: FUNCTION check_and_demonetize_account(user_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.check_and_demonetize_account(user_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.check_and_demonetize_account(user_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.check_and_demonetize_account(user_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.check_and_demonetize_account(user_id uuid) TO service_role;

--
-- Name: FUNCTION check_and_demonetize_video(post_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.check_and_demonetize_video(post_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.check_and_demonetize_video(post_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.check_and_demonetize_video(post_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.check_and_demonetize_video(post_id uuid) TO service_role;

--
-- Name: FUNCTION check_existing_repost(post_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.check_existing_repost(post_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.check_existing_repost(post_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.check_existing_repost(post_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.check_existing_repost(post_id uuid) TO service_role;

--
-- Name: FUNCTION check_user_cheat_status(user_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.check_user_cheat_status(user_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.check_user_cheat_status(user_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.check_user_cheat_status(user_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.check_user_cheat_status(user_id uuid) TO service_role;

--
-- Name: TABLE user_cheat_status; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.user_cheat_status TO service_role;

--
-- Name: COLUMN user_cheat_status.user_id; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT(user_id) ON TABLE app_public.user_cheat_status TO authenticated;
GRANT SELECT(user_id) ON TABLE app_public.user_cheat_status TO anon;

--
-- Name: COLUMN user_cheat_status.is_flagged; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT(is_flagged) ON TABLE app_public.user_cheat_status TO authenticated;
GRANT SELECT(is_flagged) ON TABLE app_public.user_cheat_status TO anon;

--
-- Name: COLUMN user_cheat_status.checked_at; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT(checked_at) ON TABLE app_public.user_cheat_status TO authenticated;
GRANT SELECT(checked_at) ON TABLE app_public.user_cheat_status TO anon;

--
-- Name: COLUMN user_cheat_status.flagged_at; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT(flagged_at) ON TABLE app_public.user_cheat_status TO authenticated;
GRANT SELECT(flagged_at) ON TABLE app_public.user_cheat_status TO anon;

--
-- Name: COLUMN user_cheat_status.cleared_at; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT(cleared_at) ON TABLE app_public.user_cheat_status TO authenticated;
GRANT SELECT(cleared_at) ON TABLE app_public.user_cheat_status TO anon;

--
-- Name: COLUMN user_cheat_status.cleared_by; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT(cleared_by) ON TABLE app_public.user_cheat_status TO authenticated;
GRANT SELECT(cleared_by) ON TABLE app_public.user_cheat_status TO anon;

--
-- Name: FUNCTION clear_user_cheat_flag(user_id uuid, note text); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.clear_user_cheat_flag(user_id uuid, note text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.clear_user_cheat_flag(user_id uuid, note text) TO anon;
GRANT ALL ON FUNCTION app_public.clear_user_cheat_flag(user_id uuid, note text) TO authenticated;
GRANT ALL ON FUNCTION app_public.clear_user_cheat_flag(user_id uuid, note text) TO service_role;

--
-- Name: TABLE conversations; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.conversations TO authenticated;
GRANT SELECT ON TABLE app_public.conversations TO service_role;
GRANT SELECT ON TABLE app_public.conversations TO anon;

--
-- Name: TABLE messages; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.messages TO authenticated;
GRANT SELECT ON TABLE app_public.messages TO service_role;
GRANT SELECT ON TABLE app_public.messages TO anon;

--
-- Name: FUNCTION conversations_last_message(c app_public.conversations); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.conversations_last_message(c app_public.conversations) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.conversations_last_message(c app_public.conversations) TO anon;
GRANT ALL ON FUNCTION app_public.conversations_last_message(c app_public.conversations) TO authenticated;
GRANT ALL ON FUNCTION app_public.conversations_last_message(c app_public.conversations) TO service_role;

--
-- Name: TABLE profiles; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.profiles TO anon;
GRANT SELECT ON TABLE app_public.profiles TO authenticated;
GRANT SELECT ON TABLE app_public.profiles TO service_role;

--
-- Name: COLUMN profiles.handle; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(handle) ON TABLE app_public.profiles TO authenticated;
GRANT UPDATE(handle) ON TABLE app_public.profiles TO service_role;

--
-- Name: COLUMN profiles.display_name; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(display_name) ON TABLE app_public.profiles TO authenticated;
GRANT UPDATE(display_name) ON TABLE app_public.profiles TO service_role;

--
-- Name: COLUMN profiles.avatar_url; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(avatar_url) ON TABLE app_public.profiles TO authenticated;
GRANT UPDATE(avatar_url) ON TABLE app_public.profiles TO service_role;

--
-- Name: COLUMN profiles.is_private; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(is_private) ON TABLE app_public.profiles TO authenticated;

--
-- Name: FUNCTION conversations_peer(c app_public.conversations); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.conversations_peer(c app_public.conversations) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.conversations_peer(c app_public.conversations) TO anon;
GRANT ALL ON FUNCTION app_public.conversations_peer(c app_public.conversations) TO authenticated;
GRANT ALL ON FUNCTION app_public.conversations_peer(c app_public.conversations) TO service_role;

--
-- Name: FUNCTION conversations_unread_count(c app_public.conversations); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.conversations_unread_count(c app_public.conversations) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.conversations_unread_count(c app_public.conversations) TO anon;
GRANT ALL ON FUNCTION app_public.conversations_unread_count(c app_public.conversations) TO authenticated;
GRANT ALL ON FUNCTION app_public.conversations_unread_count(c app_public.conversations) TO service_role;

--
-- Name: FUNCTION create_sponsored_post(post_id uuid, cost_per_impression app_public.money, cost_per_like app_public.money, budget app_public.money, placements app_public.sponsored_placement[], target_categories text[], target_markets text[], target_countries text[], target_age_bands app_public.age_band[]); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.create_sponsored_post(post_id uuid, cost_per_impression app_public.money, cost_per_like app_public.money, budget app_public.money, placements app_public.sponsored_placement[], target_categories text[], target_markets text[], target_countries text[], target_age_bands app_public.age_band[]) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.create_sponsored_post(post_id uuid, cost_per_impression app_public.money, cost_per_like app_public.money, budget app_public.money, placements app_public.sponsored_placement[], target_categories text[], target_markets text[], target_countries text[], target_age_bands app_public.age_band[]) TO anon;
GRANT ALL ON FUNCTION app_public.create_sponsored_post(post_id uuid, cost_per_impression app_public.money, cost_per_like app_public.money, budget app_public.money, placements app_public.sponsored_placement[], target_categories text[], target_markets text[], target_countries text[], target_age_bands app_public.age_band[]) TO authenticated;
GRANT ALL ON FUNCTION app_public.create_sponsored_post(post_id uuid, cost_per_impression app_public.money, cost_per_like app_public.money, budget app_public.money, placements app_public.sponsored_placement[], target_categories text[], target_markets text[], target_countries text[], target_age_bands app_public.age_band[]) TO service_role;

--
-- Name: FUNCTION creator_balance(user_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.creator_balance(user_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.creator_balance(user_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.creator_balance(user_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.creator_balance(user_id uuid) TO service_role;

--
-- Name: FUNCTION creator_dashboard(from_day date, to_day date); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.creator_dashboard(from_day date, to_day date) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.creator_dashboard(from_day date, to_day date) TO anon;
GRANT ALL ON FUNCTION app_public.creator_dashboard(from_day date, to_day date) TO authenticated;
GRANT ALL ON FUNCTION app_public.creator_dashboard(from_day date, to_day date) TO service_role;

--
-- Name: FUNCTION current_profile(); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.current_profile() FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.current_profile() TO anon;
GRANT ALL ON FUNCTION app_public.current_profile() TO authenticated;
GRANT ALL ON FUNCTION app_public.current_profile() TO service_role;

--
-- Name: FUNCTION deduct_sponsor_credits(sponsor_id uuid, amount app_public.money, idempotency_key text, reason text); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.deduct_sponsor_credits(sponsor_id uuid, amount app_public.money, idempotency_key text, reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.deduct_sponsor_credits(sponsor_id uuid, amount app_public.money, idempotency_key text, reason text) TO anon;
GRANT ALL ON FUNCTION app_public.deduct_sponsor_credits(sponsor_id uuid, amount app_public.money, idempotency_key text, reason text) TO authenticated;
GRANT ALL ON FUNCTION app_public.deduct_sponsor_credits(sponsor_id uuid, amount app_public.money, idempotency_key text, reason text) TO service_role;

--
-- Name: FUNCTION delete_comment(comment_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.delete_comment(comment_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.delete_comment(comment_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.delete_comment(comment_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.delete_comment(comment_id uuid) TO service_role;

--
-- Name: FUNCTION delete_conversation(conversation_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.delete_conversation(conversation_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.delete_conversation(conversation_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.delete_conversation(conversation_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.delete_conversation(conversation_id uuid) TO service_role;

--
-- Name: FUNCTION delete_message(message_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.delete_message(message_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.delete_message(message_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.delete_message(message_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.delete_message(message_id uuid) TO service_role;

--
-- Name: FUNCTION delete_notification(notification_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.delete_notification(notification_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.delete_notification(notification_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.delete_notification(notification_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.delete_notification(notification_id uuid) TO service_role;

--
-- Name: FUNCTION delete_post(post_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.delete_post(post_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.delete_post(post_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.delete_post(post_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.delete_post(post_id uuid) TO service_role;

--
-- Name: FUNCTION explore_posts(category text, market text, symbol text, hashtag text, media_type app_public.media_type, cursor text, max_results integer); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.explore_posts(category text, market text, symbol text, hashtag text, media_type app_public.media_type, cursor text, max_results integer) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.explore_posts(category text, market text, symbol text, hashtag text, media_type app_public.media_type, cursor text, max_results integer) TO anon;
GRANT ALL ON FUNCTION app_public.explore_posts(category text, market text, symbol text, hashtag text, media_type app_public.media_type, cursor text, max_results integer) TO authenticated;
GRANT ALL ON FUNCTION app_public.explore_posts(category text, market text, symbol text, hashtag text, media_type app_public.media_type, cursor text, max_results integer) TO service_role;

--
-- Name: FUNCTION explore_top_posts(category text, market text, symbol text, max_results integer); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.explore_top_posts(category text, market text, symbol text, max_results integer) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.explore_top_posts(category text, market text, symbol text, max_results integer) TO anon;
GRANT ALL ON FUNCTION app_public.explore_top_posts(category text, market text, symbol text, max_results integer) TO authenticated;
GRANT ALL ON FUNCTION app_public.explore_top_posts(category text, market text, symbol text, max_results integer) TO service_role;

--
-- Name: FUNCTION feed_entry_post(e app_public.feed_entry); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.feed_entry_post(e app_public.feed_entry) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.feed_entry_post(e app_public.feed_entry) TO anon;
GRANT ALL ON FUNCTION app_public.feed_entry_post(e app_public.feed_entry) TO authenticated;
GRANT ALL ON FUNCTION app_public.feed_entry_post(e app_public.feed_entry) TO service_role;

--
-- Name: FUNCTION feed_entry_reposted_by(e app_public.feed_entry); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.feed_entry_reposted_by(e app_public.feed_entry) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.feed_entry_reposted_by(e app_public.feed_entry) TO anon;
GRANT ALL ON FUNCTION app_public.feed_entry_reposted_by(e app_public.feed_entry) TO authenticated;
GRANT ALL ON FUNCTION app_public.feed_entry_reposted_by(e app_public.feed_entry) TO service_role;

--
-- Name: FUNCTION follow(target_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.follow(target_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.follow(target_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.follow(target_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.follow(target_id uuid) TO service_role;

--
-- Name: FUNCTION generate_conversation_id(a uuid, b uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.generate_conversation_id(a uuid, b uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.generate_conversation_id(a uuid, b uuid) TO anon;
GRANT ALL ON FUNCTION app_public.generate_conversation_id(a uuid, b uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.generate_conversation_id(a uuid, b uuid) TO service_role;

--
-- Name: FUNCTION get_follower_count(user_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.get_follower_count(user_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.get_follower_count(user_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.get_follower_count(user_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.get_follower_count(user_id uuid) TO service_role;

--
-- Name: FUNCTION get_followers_with_profiles(user_id uuid, before timestamp with time zone, max_results integer); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.get_followers_with_profiles(user_id uuid, before timestamp with time zone, max_results integer) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.get_followers_with_profiles(user_id uuid, before timestamp with time zone, max_results integer) TO anon;
GRANT ALL ON FUNCTION app_public.get_followers_with_profiles(user_id uuid, before timestamp with time zone, max_results integer) TO authenticated;
GRANT ALL ON FUNCTION app_public.get_followers_with_profiles(user_id uuid, before timestamp with time zone, max_results integer) TO service_role;

--
-- Name: TABLE sponsor_credits; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.sponsor_credits TO authenticated;
GRANT SELECT ON TABLE app_public.sponsor_credits TO service_role;
GRANT SELECT ON TABLE app_public.sponsor_credits TO anon;

--
-- Name: FUNCTION get_or_create_sponsor_credits(sponsor_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.get_or_create_sponsor_credits(sponsor_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.get_or_create_sponsor_credits(sponsor_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.get_or_create_sponsor_credits(sponsor_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.get_or_create_sponsor_credits(sponsor_id uuid) TO service_role;

--
-- Name: FUNCTION get_post_report_count(post_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.get_post_report_count(post_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.get_post_report_count(post_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.get_post_report_count(post_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.get_post_report_count(post_id uuid) TO service_role;

--
-- Name: FUNCTION home_feed(cursor text, max_results integer); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.home_feed(cursor text, max_results integer) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.home_feed(cursor text, max_results integer) TO anon;
GRANT ALL ON FUNCTION app_public.home_feed(cursor text, max_results integer) TO authenticated;
GRANT ALL ON FUNCTION app_public.home_feed(cursor text, max_results integer) TO service_role;

--
-- Name: FUNCTION home_feed_cached(cursor text, max_results integer, cached text[], cache_floor text, cache_version bigint); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.home_feed_cached(cursor text, max_results integer, cached text[], cache_floor text, cache_version bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.home_feed_cached(cursor text, max_results integer, cached text[], cache_floor text, cache_version bigint) TO anon;
GRANT ALL ON FUNCTION app_public.home_feed_cached(cursor text, max_results integer, cached text[], cache_floor text, cache_version bigint) TO authenticated;
GRANT ALL ON FUNCTION app_public.home_feed_cached(cursor text, max_results integer, cached text[], cache_floor text, cache_version bigint) TO service_role;

--
-- Name: FUNCTION increment_post_likes(post_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.increment_post_likes(post_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.increment_post_likes(post_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.increment_post_likes(post_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.increment_post_likes(post_id uuid) TO service_role;

--
-- Name: FUNCTION increment_post_views(post_id uuid, viewer_id uuid, ip inet); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.increment_post_views(post_id uuid, viewer_id uuid, ip inet) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.increment_post_views(post_id uuid, viewer_id uuid, ip inet) TO anon;
GRANT ALL ON FUNCTION app_public.increment_post_views(post_id uuid, viewer_id uuid, ip inet) TO authenticated;
GRANT ALL ON FUNCTION app_public.increment_post_views(post_id uuid, viewer_id uuid, ip inet) TO service_role;

--
-- Name: FUNCTION increment_profile_likes(profile_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.increment_profile_likes(profile_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.increment_profile_likes(profile_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.increment_profile_likes(profile_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.increment_profile_likes(profile_id uuid) TO service_role;

--
-- Name: FUNCTION is_handle_available(handle text); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.is_handle_available(handle text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.is_handle_available(handle text) TO anon;
GRANT ALL ON FUNCTION app_public.is_handle_available(handle text) TO authenticated;
GRANT ALL ON FUNCTION app_public.is_handle_available(handle text) TO service_role;

--
-- Name: FUNCTION mark_all_notifications_read(); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.mark_all_notifications_read() FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.mark_all_notifications_read() TO anon;
GRANT ALL ON FUNCTION app_public.mark_all_notifications_read() TO authenticated;
GRANT ALL ON FUNCTION app_public.mark_all_notifications_read() TO service_role;

--
-- Name: FUNCTION mark_conversation_read(conversation_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.mark_conversation_read(conversation_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.mark_conversation_read(conversation_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.mark_conversation_read(conversation_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.mark_conversation_read(conversation_id uuid) TO service_role;

--
-- Name: TABLE notifications; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.notifications TO authenticated;
GRANT SELECT ON TABLE app_public.notifications TO service_role;
GRANT SELECT ON TABLE app_public.notifications TO anon;

--
-- Name: FUNCTION mark_notification_read(notification_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.mark_notification_read(notification_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.mark_notification_read(notification_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.mark_notification_read(notification_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.mark_notification_read(notification_id uuid) TO service_role;

--
-- Name: FUNCTION mark_withdrawal_paid(request_id uuid, reference text); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.mark_withdrawal_paid(request_id uuid, reference text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.mark_withdrawal_paid(request_id uuid, reference text) TO anon;
GRANT ALL ON FUNCTION app_public.mark_withdrawal_paid(request_id uuid, reference text) TO authenticated;
GRANT ALL ON FUNCTION app_public.mark_withdrawal_paid(request_id uuid, reference text) TO service_role;

--
-- Name: FUNCTION messages_body(m app_public.messages); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.messages_body(m app_public.messages) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.messages_body(m app_public.messages) TO anon;
GRANT ALL ON FUNCTION app_public.messages_body(m app_public.messages) TO authenticated;
GRANT ALL ON FUNCTION app_public.messages_body(m app_public.messages) TO service_role;

--
-- Name: FUNCTION monetization_status(user_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.monetization_status(user_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.monetization_status(user_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.monetization_status(user_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.monetization_status(user_id uuid) TO service_role;

--
-- Name: TABLE mutes; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.mutes TO anon;
GRANT SELECT ON TABLE app_public.mutes TO authenticated;
GRANT SELECT ON TABLE app_public.mutes TO service_role;

--
-- Name: FUNCTION mute_user(target_id uuid, expires_at timestamp with time zone); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.mute_user(target_id uuid, expires_at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.mute_user(target_id uuid, expires_at timestamp with time zone) TO anon;
GRANT ALL ON FUNCTION app_public.mute_user(target_id uuid, expires_at timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION app_public.mute_user(target_id uuid, expires_at timestamp with time zone) TO service_role;

--
-- Name: FUNCTION notifications_actors(n app_public.notifications); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.notifications_actors(n app_public.notifications) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.notifications_actors(n app_public.notifications) TO anon;
GRANT ALL ON FUNCTION app_public.notifications_actors(n app_public.notifications) TO authenticated;
GRANT ALL ON FUNCTION app_public.notifications_actors(n app_public.notifications) TO service_role;

--
-- Name: FUNCTION pause_sponsored_post(id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.pause_sponsored_post(id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.pause_sponsored_post(id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.pause_sponsored_post(id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.pause_sponsored_post(id uuid) TO service_role;

--
-- Name: FUNCTION posts_demonetized_at(p app_public.posts); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.posts_demonetized_at(p app_public.posts) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.posts_demonetized_at(p app_public.posts) TO anon;
GRANT ALL ON FUNCTION app_public.posts_demonetized_at(p app_public.posts) TO authenticated;
GRANT ALL ON FUNCTION app_public.posts_demonetized_at(p app_public.posts) TO service_role;

--
-- Name: FUNCTION posts_is_demonetized(p app_public.posts); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.posts_is_demonetized(p app_public.posts) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.posts_is_demonetized(p app_public.posts) TO anon;
GRANT ALL ON FUNCTION app_public.posts_is_demonetized(p app_public.posts) TO authenticated;
GRANT ALL ON FUNCTION app_public.posts_is_demonetized(p app_public.posts) TO service_role;

--
-- Name: FUNCTION posts_views_count(p app_public.posts); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.posts_views_count(p app_public.posts) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.posts_views_count(p app_public.posts) TO anon;
GRANT ALL ON FUNCTION app_public.posts_views_count(p app_public.posts) TO authenticated;
GRANT ALL ON FUNCTION app_public.posts_views_count(p app_public.posts) TO service_role;

--
-- Name: FUNCTION profiles_demonetized_at(p app_public.profiles); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.profiles_demonetized_at(p app_public.profiles) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.profiles_demonetized_at(p app_public.profiles) TO anon;
GRANT ALL ON FUNCTION app_public.profiles_demonetized_at(p app_public.profiles) TO authenticated;
GRANT ALL ON FUNCTION app_public.profiles_demonetized_at(p app_public.profiles) TO service_role;

--
-- Name: FUNCTION profiles_is_demonetized(p app_public.profiles); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.profiles_is_demonetized(p app_public.profiles) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.profiles_is_demonetized(p app_public.profiles) TO anon;
GRANT ALL ON FUNCTION app_public.profiles_is_demonetized(p app_public.profiles) TO authenticated;
GRANT ALL ON FUNCTION app_public.profiles_is_demonetized(p app_public.profiles) TO service_role;

--
-- Name: FUNCTION profiles_is_suspended(p app_public.profiles); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.profiles_is_suspended(p app_public.profiles) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.profiles_is_suspended(p app_public.profiles) TO anon;
GRANT ALL ON FUNCTION app_public.profiles_is_suspended(p app_public.profiles) TO authenticated;
GRANT ALL ON FUNCTION app_public.profiles_is_suspended(p app_public.profiles) TO service_role;

--
-- Name: FUNCTION profiles_last_active_at(p app_public.profiles); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.profiles_last_active_at(p app_public.profiles) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.profiles_last_active_at(p app_public.profiles) TO anon;
GRANT ALL ON FUNCTION app_public.profiles_last_active_at(p app_public.profiles) TO authenticated;
GRANT ALL ON FUNCTION app_public.profiles_last_active_at(p app_public.profiles) TO service_role;

--
-- Name: FUNCTION profiles_timeline(profile app_public.profiles, cursor text, max_results integer); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.profiles_timeline(profile app_public.profiles, cursor text, max_results integer) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.profiles_timeline(profile app_public.profiles, cursor text, max_results integer) TO anon;
GRANT ALL ON FUNCTION app_public.profiles_timeline(profile app_public.profiles, cursor text, max_results integer) TO authenticated;
GRANT ALL ON FUNCTION app_public.profiles_timeline(profile app_public.profiles, cursor text, max_results integer) TO service_role;

--
-- Name: FUNCTION profiles_viewer_can_message(p app_public.profiles); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.profiles_viewer_can_message(p app_public.profiles) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.profiles_viewer_can_message(p app_public.profiles) TO anon;
GRANT ALL ON FUNCTION app_public.profiles_viewer_can_message(p app_public.profiles) TO authenticated;
GRANT ALL ON FUNCTION app_public.profiles_viewer_can_message(p app_public.profiles) TO service_role;

--
-- Name: FUNCTION profiles_viewer_follow_status(p app_public.profiles); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.profiles_viewer_follow_status(p app_public.profiles) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.profiles_viewer_follow_status(p app_public.profiles) TO anon;
GRANT ALL ON FUNCTION app_public.profiles_viewer_follow_status(p app_public.profiles) TO authenticated;
GRANT ALL ON FUNCTION app_public.profiles_viewer_follow_status(p app_public.profiles) TO service_role;

--
-- Name: FUNCTION record_sponsored_impression(sponsored_post_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.record_sponsored_impression(sponsored_post_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.record_sponsored_impression(sponsored_post_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.record_sponsored_impression(sponsored_post_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.record_sponsored_impression(sponsored_post_id uuid) TO service_role;

--
-- Name: FUNCTION reject_follow_request(follower_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.reject_follow_request(follower_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.reject_follow_request(follower_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.reject_follow_request(follower_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.reject_follow_request(follower_id uuid) TO service_role;

--
-- Name: FUNCTION reject_withdrawal(request_id uuid, reason text); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.reject_withdrawal(request_id uuid, reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.reject_withdrawal(request_id uuid, reason text) TO anon;
GRANT ALL ON FUNCTION app_public.reject_withdrawal(request_id uuid, reason text) TO authenticated;
GRANT ALL ON FUNCTION app_public.reject_withdrawal(request_id uuid, reason text) TO service_role;

--
-- Name: FUNCTION remove_follower(follower_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.remove_follower(follower_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.remove_follower(follower_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.remove_follower(follower_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.remove_follower(follower_id uuid) TO service_role;

--
-- Name: TABLE post_reports; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.post_reports TO authenticated;
GRANT SELECT ON TABLE app_public.post_reports TO service_role;
GRANT SELECT ON TABLE app_public.post_reports TO anon;

--
-- Name: FUNCTION report_post(post_id uuid, reason app_public.report_reason, details text); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.report_post(post_id uuid, reason app_public.report_reason, details text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.report_post(post_id uuid, reason app_public.report_reason, details text) TO anon;
GRANT ALL ON FUNCTION app_public.report_post(post_id uuid, reason app_public.report_reason, details text) TO authenticated;
GRANT ALL ON FUNCTION app_public.report_post(post_id uuid, reason app_public.report_reason, details text) TO service_role;

--
-- Name: FUNCTION repost_post(post_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.repost_post(post_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.repost_post(post_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.repost_post(post_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.repost_post(post_id uuid) TO service_role;

--
-- Name: TABLE verification_requests; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.verification_requests TO authenticated;
GRANT SELECT ON TABLE app_public.verification_requests TO service_role;
GRANT SELECT ON TABLE app_public.verification_requests TO anon;

--
-- Name: FUNCTION request_verification(reason text); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.request_verification(reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.request_verification(reason text) TO anon;
GRANT ALL ON FUNCTION app_public.request_verification(reason text) TO authenticated;
GRANT ALL ON FUNCTION app_public.request_verification(reason text) TO service_role;

--
-- Name: FUNCTION request_withdrawal(amount app_public.money, idempotency_key text); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.request_withdrawal(amount app_public.money, idempotency_key text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.request_withdrawal(amount app_public.money, idempotency_key text) TO anon;
GRANT ALL ON FUNCTION app_public.request_withdrawal(amount app_public.money, idempotency_key text) TO authenticated;
GRANT ALL ON FUNCTION app_public.request_withdrawal(amount app_public.money, idempotency_key text) TO service_role;

--
-- Name: FUNCTION resolve_post_report(report_id uuid, upheld boolean, note text); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.resolve_post_report(report_id uuid, upheld boolean, note text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.resolve_post_report(report_id uuid, upheld boolean, note text) TO anon;
GRANT ALL ON FUNCTION app_public.resolve_post_report(report_id uuid, upheld boolean, note text) TO authenticated;
GRANT ALL ON FUNCTION app_public.resolve_post_report(report_id uuid, upheld boolean, note text) TO service_role;

--
-- Name: FUNCTION restore_account_monetization(user_id uuid, note text); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.restore_account_monetization(user_id uuid, note text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.restore_account_monetization(user_id uuid, note text) TO anon;
GRANT ALL ON FUNCTION app_public.restore_account_monetization(user_id uuid, note text) TO authenticated;
GRANT ALL ON FUNCTION app_public.restore_account_monetization(user_id uuid, note text) TO service_role;

--
-- Name: FUNCTION restore_post_monetization(post_id uuid, note text); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.restore_post_monetization(post_id uuid, note text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.restore_post_monetization(post_id uuid, note text) TO anon;
GRANT ALL ON FUNCTION app_public.restore_post_monetization(post_id uuid, note text) TO authenticated;
GRANT ALL ON FUNCTION app_public.restore_post_monetization(post_id uuid, note text) TO service_role;

--
-- Name: FUNCTION resume_sponsored_post(id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.resume_sponsored_post(id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.resume_sponsored_post(id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.resume_sponsored_post(id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.resume_sponsored_post(id uuid) TO service_role;

--
-- Name: FUNCTION review_verification_request(request_id uuid, approve boolean); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.review_verification_request(request_id uuid, approve boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.review_verification_request(request_id uuid, approve boolean) TO anon;
GRANT ALL ON FUNCTION app_public.review_verification_request(request_id uuid, approve boolean) TO authenticated;
GRANT ALL ON FUNCTION app_public.review_verification_request(request_id uuid, approve boolean) TO service_role;

--
-- Name: TABLE withdrawal_info; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.withdrawal_info TO authenticated;
GRANT SELECT ON TABLE app_public.withdrawal_info TO service_role;
GRANT SELECT ON TABLE app_public.withdrawal_info TO anon;

--
-- Name: FUNCTION save_withdrawal_info(method text, details jsonb); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.save_withdrawal_info(method text, details jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.save_withdrawal_info(method text, details jsonb) TO anon;
GRANT ALL ON FUNCTION app_public.save_withdrawal_info(method text, details jsonb) TO authenticated;
GRANT ALL ON FUNCTION app_public.save_withdrawal_info(method text, details jsonb) TO service_role;

--
-- Name: FUNCTION send_message(recipient_id uuid, body text); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.send_message(recipient_id uuid, body text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.send_message(recipient_id uuid, body text) TO anon;
GRANT ALL ON FUNCTION app_public.send_message(recipient_id uuid, body text) TO authenticated;
GRANT ALL ON FUNCTION app_public.send_message(recipient_id uuid, body text) TO service_role;

--
-- Name: FUNCTION sponsored_entries(placement app_public.sponsored_placement, page_size integer); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.sponsored_entries(placement app_public.sponsored_placement, page_size integer) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.sponsored_entries(placement app_public.sponsored_placement, page_size integer) TO anon;
GRANT ALL ON FUNCTION app_public.sponsored_entries(placement app_public.sponsored_placement, page_size integer) TO authenticated;
GRANT ALL ON FUNCTION app_public.sponsored_entries(placement app_public.sponsored_placement, page_size integer) TO service_role;

--
-- Name: FUNCTION sponsored_entry_post(e app_public.sponsored_entry); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.sponsored_entry_post(e app_public.sponsored_entry) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.sponsored_entry_post(e app_public.sponsored_entry) TO anon;
GRANT ALL ON FUNCTION app_public.sponsored_entry_post(e app_public.sponsored_entry) TO authenticated;
GRANT ALL ON FUNCTION app_public.sponsored_entry_post(e app_public.sponsored_entry) TO service_role;

--
-- Name: FUNCTION suspend_account(user_id uuid, reason text, until timestamp with time zone); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.suspend_account(user_id uuid, reason text, until timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.suspend_account(user_id uuid, reason text, until timestamp with time zone) TO anon;
GRANT ALL ON FUNCTION app_public.suspend_account(user_id uuid, reason text, until timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION app_public.suspend_account(user_id uuid, reason text, until timestamp with time zone) TO service_role;

--
-- Name: FUNCTION track_post_events(view_post_ids uuid[], like_post_ids uuid[]); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.track_post_events(view_post_ids uuid[], like_post_ids uuid[]) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.track_post_events(view_post_ids uuid[], like_post_ids uuid[]) TO anon;
GRANT ALL ON FUNCTION app_public.track_post_events(view_post_ids uuid[], like_post_ids uuid[]) TO authenticated;
GRANT ALL ON FUNCTION app_public.track_post_events(view_post_ids uuid[], like_post_ids uuid[]) TO service_role;

--
-- Name: FUNCTION trending_hashtags(max_results integer); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.trending_hashtags(max_results integer) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.trending_hashtags(max_results integer) TO anon;
GRANT ALL ON FUNCTION app_public.trending_hashtags(max_results integer) TO authenticated;
GRANT ALL ON FUNCTION app_public.trending_hashtags(max_results integer) TO service_role;

--
-- Name: FUNCTION unblock_user(target_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.unblock_user(target_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.unblock_user(target_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.unblock_user(target_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.unblock_user(target_id uuid) TO service_role;

--
-- Name: FUNCTION unbookmark_post(post_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.unbookmark_post(post_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.unbookmark_post(post_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.unbookmark_post(post_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.unbookmark_post(post_id uuid) TO service_role;

--
-- Name: FUNCTION undo_repost(post_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.undo_repost(post_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.undo_repost(post_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.undo_repost(post_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.undo_repost(post_id uuid) TO service_role;

--
-- Name: FUNCTION unfollow(target_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.unfollow(target_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.unfollow(target_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.unfollow(target_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.unfollow(target_id uuid) TO service_role;

--
-- Name: FUNCTION unlike_post(post_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.unlike_post(post_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.unlike_post(post_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.unlike_post(post_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.unlike_post(post_id uuid) TO service_role;

--
-- Name: FUNCTION unlike_profile(profile_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.unlike_profile(profile_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.unlike_profile(profile_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.unlike_profile(profile_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.unlike_profile(profile_id uuid) TO service_role;

--
-- Name: FUNCTION unmute_user(target_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.unmute_user(target_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.unmute_user(target_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.unmute_user(target_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.unmute_user(target_id uuid) TO service_role;

--
-- Name: FUNCTION unread_notification_count(); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.unread_notification_count() FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.unread_notification_count() TO anon;
GRANT ALL ON FUNCTION app_public.unread_notification_count() TO authenticated;
GRANT ALL ON FUNCTION app_public.unread_notification_count() TO service_role;

--
-- Name: FUNCTION unsuspend_account(user_id uuid, note text); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.unsuspend_account(user_id uuid, note text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.unsuspend_account(user_id uuid, note text) TO anon;
GRANT ALL ON FUNCTION app_public.unsuspend_account(user_id uuid, note text) TO authenticated;
GRANT ALL ON FUNCTION app_public.unsuspend_account(user_id uuid, note text) TO service_role;

--
-- Name: FUNCTION update_user_cheat_status(user_id uuid); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.update_user_cheat_status(user_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.update_user_cheat_status(user_id uuid) TO anon;
GRANT ALL ON FUNCTION app_public.update_user_cheat_status(user_id uuid) TO authenticated;
GRANT ALL ON FUNCTION app_public.update_user_cheat_status(user_id uuid) TO service_role;

--
-- Name: TABLE user_settings; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.user_settings TO authenticated;
GRANT SELECT ON TABLE app_public.user_settings TO service_role;
GRANT SELECT ON TABLE app_public.user_settings TO anon;

--
-- Name: COLUMN user_settings.message_permission; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(message_permission) ON TABLE app_public.user_settings TO authenticated;

--
-- Name: COLUMN user_settings.active_status_visibility; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(active_status_visibility) ON TABLE app_public.user_settings TO authenticated;

--
-- Name: COLUMN user_settings.notification_preferences; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(notification_preferences) ON TABLE app_public.user_settings TO authenticated;

--
-- Name: COLUMN user_settings.accessibility; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(accessibility) ON TABLE app_public.user_settings TO authenticated;

--
-- Name: COLUMN user_settings.is_content_creator; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(is_content_creator) ON TABLE app_public.user_settings TO authenticated;

--
-- Name: COLUMN user_settings.country; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(country) ON TABLE app_public.user_settings TO authenticated;

--
-- Name: COLUMN user_settings.birth_date; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(birth_date) ON TABLE app_public.user_settings TO authenticated;

--
-- Name: COLUMN user_settings.interest_categories; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(interest_categories) ON TABLE app_public.user_settings TO authenticated;

--
-- Name: COLUMN user_settings.interest_markets; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(interest_markets) ON TABLE app_public.user_settings TO authenticated;

--
-- Name: FUNCTION user_settings_age_band(s app_public.user_settings); Type: ACL; Schema: app_public; Owner: -
--

REVOKE ALL ON FUNCTION app_public.user_settings_age_band(s app_public.user_settings) FROM PUBLIC;
GRANT ALL ON FUNCTION app_public.user_settings_age_band(s app_public.user_settings) TO anon;
GRANT ALL ON FUNCTION app_public.user_settings_age_band(s app_public.user_settings) TO authenticated;
GRANT ALL ON FUNCTION app_public.user_settings_age_band(s app_public.user_settings) TO service_role;

--
-- Name: FUNCTION email(); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.email() FROM PUBLIC;
GRANT ALL ON FUNCTION auth.email() TO anon;
GRANT ALL ON FUNCTION auth.email() TO authenticated;
GRANT ALL ON FUNCTION auth.email() TO service_role;

--
-- Name: FUNCTION is_admin(); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.is_admin() FROM PUBLIC;
GRANT ALL ON FUNCTION auth.is_admin() TO anon;
GRANT ALL ON FUNCTION auth.is_admin() TO authenticated;
GRANT ALL ON FUNCTION auth.is_admin() TO service_role;

--
-- Name: FUNCTION is_moderator(); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.is_moderator() FROM PUBLIC;
GRANT ALL ON FUNCTION auth.is_moderator() TO anon;
GRANT ALL ON FUNCTION auth.is_moderator() TO authenticated;
GRANT ALL ON FUNCTION auth.is_moderator() TO service_role;

--
-- Name: FUNCTION jwt(); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.jwt() FROM PUBLIC;
GRANT ALL ON FUNCTION auth.jwt() TO anon;
GRANT ALL ON FUNCTION auth.jwt() TO authenticated;
GRANT ALL ON FUNCTION auth.jwt() TO service_role;

--
-- Name: FUNCTION role(); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.role() FROM PUBLIC;
GRANT ALL ON FUNCTION auth.role() TO anon;
GRANT ALL ON FUNCTION auth.role() TO authenticated;
GRANT ALL ON FUNCTION auth.role() TO service_role;

--
-- Name: FUNCTION rotate_refresh_token(presented text, child text, reuse_interval interval); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.rotate_refresh_token(presented text, child text, reuse_interval interval) FROM PUBLIC;

--
-- Name: FUNCTION staff_role(); Type: ACL; Schema: auth; Owner: -
--

REVOKE ALL ON FUNCTION auth.staff_role() FROM PUBLIC;
GRANT ALL ON FUNCTION auth.staff_role() TO anon;
GRANT ALL ON FUNCTION auth.staff_role() TO authenticated;
GRANT ALL ON FUNCTION auth.staff_role() TO service_role;

--
-- Name: TABLE cheat_status_events; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.cheat_status_events TO authenticated;
GRANT SELECT ON TABLE app_public.cheat_status_events TO service_role;
GRANT SELECT ON TABLE app_public.cheat_status_events TO anon;

--
-- Name: SEQUENCE cheat_status_events_id_seq; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE app_public.cheat_status_events_id_seq TO anon;
GRANT SELECT,USAGE ON SEQUENCE app_public.cheat_status_events_id_seq TO authenticated;
GRANT SELECT,USAGE ON SEQUENCE app_public.cheat_status_events_id_seq TO service_role;

--
-- Name: TABLE comment_mentions; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.comment_mentions TO anon;
GRANT SELECT ON TABLE app_public.comment_mentions TO authenticated;
GRANT SELECT ON TABLE app_public.comment_mentions TO service_role;

--
-- Name: TABLE comments; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.comments TO anon;
GRANT SELECT ON TABLE app_public.comments TO authenticated;
GRANT SELECT ON TABLE app_public.comments TO service_role;

--
-- Name: COLUMN comments.post_id; Type: ACL; Schema: app_public; Owner: -
--

GRANT INSERT(post_id) ON TABLE app_public.comments TO authenticated;

--
-- Name: COLUMN comments.parent_id; Type: ACL; Schema: app_public; Owner: -
--

GRANT INSERT(parent_id) ON TABLE app_public.comments TO authenticated;

--
-- Name: COLUMN comments.body; Type: ACL; Schema: app_public; Owner: -
--

GRANT INSERT(body),UPDATE(body) ON TABLE app_public.comments TO authenticated;

--
-- Name: TABLE conversation_participants; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.conversation_participants TO authenticated;
GRANT SELECT ON TABLE app_public.conversation_participants TO service_role;
GRANT SELECT ON TABLE app_public.conversation_participants TO anon;

--
-- Name: TABLE hashtags; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.hashtags TO anon;
GRANT SELECT ON TABLE app_public.hashtags TO authenticated;
GRANT SELECT ON TABLE app_public.hashtags TO service_role;

--
-- Name: SEQUENCE hashtags_id_seq; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE app_public.hashtags_id_seq TO anon;
GRANT SELECT,USAGE ON SEQUENCE app_public.hashtags_id_seq TO authenticated;
GRANT SELECT,USAGE ON SEQUENCE app_public.hashtags_id_seq TO service_role;

--
-- Name: TABLE likes; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.likes TO anon;
GRANT SELECT ON TABLE app_public.likes TO authenticated;
GRANT SELECT ON TABLE app_public.likes TO service_role;

--
-- Name: TABLE moderation_actions; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.moderation_actions TO authenticated;
GRANT SELECT ON TABLE app_public.moderation_actions TO service_role;
GRANT SELECT ON TABLE app_public.moderation_actions TO anon;

--
-- Name: SEQUENCE moderation_actions_id_seq; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE app_public.moderation_actions_id_seq TO anon;
GRANT SELECT,USAGE ON SEQUENCE app_public.moderation_actions_id_seq TO authenticated;
GRANT SELECT,USAGE ON SEQUENCE app_public.moderation_actions_id_seq TO service_role;

--
-- Name: TABLE post_edits; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.post_edits TO anon;
GRANT SELECT ON TABLE app_public.post_edits TO authenticated;
GRANT SELECT ON TABLE app_public.post_edits TO service_role;

--
-- Name: SEQUENCE post_edits_id_seq; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE app_public.post_edits_id_seq TO anon;
GRANT SELECT,USAGE ON SEQUENCE app_public.post_edits_id_seq TO authenticated;
GRANT SELECT,USAGE ON SEQUENCE app_public.post_edits_id_seq TO service_role;

--
-- Name: TABLE post_hashtags; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.post_hashtags TO anon;
GRANT SELECT ON TABLE app_public.post_hashtags TO authenticated;
GRANT SELECT ON TABLE app_public.post_hashtags TO service_role;

--
-- Name: TABLE post_media; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.post_media TO anon;
GRANT SELECT ON TABLE app_public.post_media TO authenticated;
GRANT SELECT ON TABLE app_public.post_media TO service_role;

--
-- Name: TABLE post_mentions; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.post_mentions TO anon;
GRANT SELECT ON TABLE app_public.post_mentions TO authenticated;
GRANT SELECT ON TABLE app_public.post_mentions TO service_role;

--
-- Name: TABLE profile_details; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.profile_details TO anon;
GRANT SELECT ON TABLE app_public.profile_details TO authenticated;
GRANT SELECT ON TABLE app_public.profile_details TO service_role;

--
-- Name: COLUMN profile_details.bio; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(bio) ON TABLE app_public.profile_details TO authenticated;

--
-- Name: COLUMN profile_details.website; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(website) ON TABLE app_public.profile_details TO authenticated;

--
-- Name: COLUMN profile_details.location; Type: ACL; Schema: app_public; Owner: -
--

GRANT UPDATE(location) ON TABLE app_public.profile_details TO authenticated;

--
-- Name: TABLE profile_likes; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.profile_likes TO authenticated;
GRANT SELECT ON TABLE app_public.profile_likes TO service_role;
GRANT SELECT ON TABLE app_public.profile_likes TO anon;

--
-- Name: TABLE reposts; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.reposts TO anon;
GRANT SELECT ON TABLE app_public.reposts TO authenticated;
GRANT SELECT ON TABLE app_public.reposts TO service_role;

--
-- Name: SEQUENCE sponsor_credit_transactions_id_seq; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE app_public.sponsor_credit_transactions_id_seq TO anon;
GRANT SELECT,USAGE ON SEQUENCE app_public.sponsor_credit_transactions_id_seq TO authenticated;
GRANT SELECT,USAGE ON SEQUENCE app_public.sponsor_credit_transactions_id_seq TO service_role;

--
-- Name: SEQUENCE sponsored_interactions_id_seq; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE app_public.sponsored_interactions_id_seq TO anon;
GRANT SELECT,USAGE ON SEQUENCE app_public.sponsored_interactions_id_seq TO authenticated;
GRANT SELECT,USAGE ON SEQUENCE app_public.sponsored_interactions_id_seq TO service_role;

--
-- Name: TABLE user_analytics; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.user_analytics TO authenticated;
GRANT SELECT ON TABLE app_public.user_analytics TO service_role;
GRANT SELECT ON TABLE app_public.user_analytics TO anon;

--
-- Name: TABLE user_videos; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.user_videos TO anon;
GRANT SELECT ON TABLE app_public.user_videos TO authenticated;
GRANT SELECT ON TABLE app_public.user_videos TO service_role;

--
-- Name: TABLE video_revenue; Type: ACL; Schema: app_public; Owner: -
--

GRANT SELECT ON TABLE app_public.video_revenue TO authenticated;
GRANT SELECT ON TABLE app_public.video_revenue TO service_role;
GRANT SELECT ON TABLE app_public.video_revenue TO anon;

--
-- Name: DEFAULT PRIVILEGES FOR FUNCTIONS; Type: DEFAULT ACL; Schema: app_hidden; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE :DATABASE_OWNER IN SCHEMA app_hidden GRANT ALL ON FUNCTIONS  TO anon;
ALTER DEFAULT PRIVILEGES FOR ROLE :DATABASE_OWNER IN SCHEMA app_hidden GRANT ALL ON FUNCTIONS  TO authenticated;
ALTER DEFAULT PRIVILEGES FOR ROLE :DATABASE_OWNER IN SCHEMA app_hidden GRANT ALL ON FUNCTIONS  TO service_role;

--
-- Name: DEFAULT PRIVILEGES FOR SEQUENCES; Type: DEFAULT ACL; Schema: app_public; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE :DATABASE_OWNER IN SCHEMA app_public GRANT SELECT,USAGE ON SEQUENCES  TO anon;
ALTER DEFAULT PRIVILEGES FOR ROLE :DATABASE_OWNER IN SCHEMA app_public GRANT SELECT,USAGE ON SEQUENCES  TO authenticated;
ALTER DEFAULT PRIVILEGES FOR ROLE :DATABASE_OWNER IN SCHEMA app_public GRANT SELECT,USAGE ON SEQUENCES  TO service_role;

--
-- Name: DEFAULT PRIVILEGES FOR FUNCTIONS; Type: DEFAULT ACL; Schema: app_public; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE :DATABASE_OWNER IN SCHEMA app_public GRANT ALL ON FUNCTIONS  TO anon;
ALTER DEFAULT PRIVILEGES FOR ROLE :DATABASE_OWNER IN SCHEMA app_public GRANT ALL ON FUNCTIONS  TO authenticated;
ALTER DEFAULT PRIVILEGES FOR ROLE :DATABASE_OWNER IN SCHEMA app_public GRANT ALL ON FUNCTIONS  TO service_role;

--
-- Name: DEFAULT PRIVILEGES FOR FUNCTIONS; Type: DEFAULT ACL; Schema: -; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE :DATABASE_OWNER REVOKE ALL ON FUNCTIONS  FROM PUBLIC;

--
-- PostgreSQL database dump complete
--
