-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0015 event_relay: checkouts commit in groups again on a busy server (issue 13 #1).
--
-- Until now every transaction that wrote an event sent NOTIFY bjb_events from its own
-- commit. PostgreSQL serialises the commits of notifying transactions (PreCommit_Notify
-- takes a cluster-wide heavyweight lock, LockSharedObject(DatabaseRelationId, InvalidOid,
-- 0, AccessExclusiveLock), held until the commit record is flushed), so those commits can
-- never share a WAL flush: at 8 desks place_order reached 40 % of the bare SQL, 86 % with
-- the trigger disabled (bench/README.md, "Checkout speed … (0012)").
--
-- Now an event relay (barokahd, src/worker/bjb-event-relay.c) may take the wake-ups over:
--
--  * The relay holds the session-level advisory lock (6449765, 0) on its own connection
--    and polls bjb.relay_events every ~50 ms; when events were delivered past its cursor it
--    sends ONE NOTIFY bjb_events for the whole batch from its own short transaction.
--  * bjb.event_notify (the AFTER INSERT trigger of bjb.event, 0001) notifies only when no
--    relay holds that lock: pg_try_advisory_xact_lock_shared succeeds. A shop without
--    barokahd, the demo and every test keep the old behaviour with nothing to set.
--  * If the relay dies between a transaction's check and its own next poll, that event's
--    wake-up falls in a gap: the next event anywhere notifies directly again (the lock was
--    released with the relay's session), a restarted relay NOTIFYs once at start, and every
--    BjbListener fetches on its own every 30 s while idle, so an event never waits forever.
--
-- Listeners never read the payload's id as a cursor (they read bjb.events_after), so one
-- wake-up for many events changes nothing for them.
--
-- Run as a superuser after 0001–0014:  psql -v ON_ERROR_STOP=1 -f 0015_event_relay.sql
BEGIN;
SET LOCAL ROLE bjb_owner;

-- The relay's lock key is (6449765, 0): two int4 keys, a space of its own apart from
-- place_order's (6449763, hash) and 0008's (6449764, hash); src/worker/bjb-event-relay.c
-- names the same two numbers.
--
-- A shared try-lock never waits and never makes anybody wait: it only fails while a relay
-- holds the key exclusively. Shared, so the checkouts never conflict with each other.
CREATE OR REPLACE FUNCTION bjb.event_notify() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF pg_catalog.pg_try_advisory_xact_lock_shared(6449765, 0) THEN
    PERFORM pg_catalog.pg_notify('bjb_events',
      pg_catalog.json_build_object('id', NEW.id, 'kind', NEW.kind)::text);
  END IF;
  RETURN NULL;
END
$$;

-- The relay's poll. p_after is its cursor: the last event it announced, in the delivery
-- order of bjb.events_after ((xact_id, id), only below the horizon of running
-- transactions), over EVERY audience (hence SECURITY DEFINER: the relay wakes all desks).
-- When an event was delivered past the cursor it sends one NOTIFY for all of them and
-- returns the new cursor (the last such event); otherwise it returns p_after and sends
-- nothing. NULL (the relay's start) returns the current position and always NOTIFYs once,
-- so every listener catches up on whatever fell in a gap while no relay ran.
-- Errors: BJ004 for any login but the worker's; BJ047 at the start (p_after NULL) when the
-- caller does not hold the relay's lock: only the holder silences the trigger, so a relay
-- without it would leave nothing to relay for. Checked at the start only: pg_locks reads
-- every lock partition, too dear for a poll twenty times a second.
CREATE FUNCTION bjb.relay_events(p_after bigint) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  SET lock_timeout = '5s' AS $$
DECLARE
  v_horizon xid8 := pg_catalog.pg_snapshot_xmin(pg_catalog.pg_current_snapshot());
  v_xact    xid8 := '0';
  v_last    bigint;
  v_kind    text;
BEGIN
  PERFORM bjb.require_role('worker');
  IF p_after IS NULL AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_locks l
                 WHERE l.locktype = 'advisory' AND l.pid = pg_catalog.pg_backend_pid()
                   AND l.classid = 6449765 AND l.objid = 0 AND l.objsubid = 2
                   AND l.mode = 'ExclusiveLock' AND l.granted) THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ047',
      MESSAGE = 'Relai peristiwa harus memegang kunci relai (pg_advisory_lock(6449765, 0)).';
  END IF;

  IF p_after IS NOT NULL AND p_after > 0 THEN
    SELECT e.xact_id INTO v_xact FROM bjb.event e WHERE e.id = p_after;
    v_xact := coalesce(v_xact, '0');
  END IF;
  -- The newest event below the horizon: one step back along event_xact_idx.
  SELECT e.id, e.kind INTO v_last, v_kind FROM bjb.event e
  WHERE e.xact_id < v_horizon
    AND (p_after IS NULL OR (e.xact_id, e.id) > (v_xact, greatest(p_after, 0)))
  ORDER BY e.xact_id DESC, e.id DESC LIMIT 1;

  IF p_after IS NULL OR v_last IS NOT NULL THEN
    PERFORM pg_catalog.pg_notify('bjb_events',
      pg_catalog.json_build_object('id', v_last, 'kind', coalesce(v_kind, 'relay_start'),
                                   'relay', true)::text);
  END IF;
  RETURN coalesce(v_last, greatest(p_after, 0));
END
$$;

REVOKE ALL ON FUNCTION bjb.relay_events(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjb.relay_events(bigint) TO bjb_worker;

INSERT INTO bjb.schema_migration (version, name) VALUES (15, '0015_event_relay');

COMMIT;
