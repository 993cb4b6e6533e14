-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0024 relay_key: only the schema owner and the worker may take a two-key advisory lock.
--
-- The event relay (0015) holds the advisory lock (6449765, 0) while it relays; the event
-- trigger notifies by itself only when it can take that key shared. PostgreSQL lets PUBLIC
-- execute every advisory-lock function, so until now any staff login could hold the key
-- (exclusively: the trigger falls silent as if a relay were running; shared: the relay
-- waits) and slow every desk's wake-ups to the relay's retry rate. Nothing was lost, but a
-- desk should not be able to do it.
--
-- The two-key (int, int) functions that take a lock are now the owner's and the worker's
-- alone, in this database only (function privileges are per database). Nothing else needs
-- them: the clients never call them; every bjb function that locks (the checkout's request
-- key 6449763, the courier's completion key 6449764, the event trigger's try on 6449765)
-- runs as bjb_owner, SECURITY DEFINER, and staff write bjb.event only through such
-- functions. A superuser is not affected. The one-key (bigint) functions stay PUBLIC's:
-- no bjb key lives in that space (the migrator's "bjb mig" key does, and migrations run as a
-- superuser), and tests/sql/as-t_admin/structure.pg keeps bjb functions from waiting on one.
-- The unlock functions stay too: they release only what the caller holds.
BEGIN;

DO $$
DECLARE
  v_lock regprocedure;
BEGIN
  FOREACH v_lock IN ARRAY ARRAY[
    'pg_catalog.pg_advisory_lock(integer, integer)',
    'pg_catalog.pg_advisory_lock_shared(integer, integer)',
    'pg_catalog.pg_try_advisory_lock(integer, integer)',
    'pg_catalog.pg_try_advisory_lock_shared(integer, integer)',
    'pg_catalog.pg_advisory_xact_lock(integer, integer)',
    'pg_catalog.pg_advisory_xact_lock_shared(integer, integer)',
    'pg_catalog.pg_try_advisory_xact_lock(integer, integer)',
    'pg_catalog.pg_try_advisory_xact_lock_shared(integer, integer)'
  ]::regprocedure[]
  LOOP
    -- A regprocedure prints as its qualified, quoted signature.
    EXECUTE pg_catalog.format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', v_lock);
    EXECUTE pg_catalog.format('GRANT EXECUTE ON FUNCTION %s TO bjb_owner, bjb_worker', v_lock);
  END LOOP;
END
$$;

INSERT INTO bjb.schema_migration (version, name) VALUES (24, '0024_relay_key');
COMMIT;
