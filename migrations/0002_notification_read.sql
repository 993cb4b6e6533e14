-- SPDX-License-Identifier: GPL-3.0-or-later
-- Read/unread state of the desktop client's notification centre, per staff member.
-- A row means "this login has read this event"; no row means unread.
BEGIN;
SET LOCAL ROLE bjb_owner;

CREATE TABLE bjb.notification_read (
  login    text        NOT NULL DEFAULT session_user,
  event_id bigint      NOT NULL REFERENCES bjb.event (id) ON DELETE CASCADE,
  read_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (login, event_id)
);

COMMENT ON TABLE bjb.notification_read IS
  'Events a staff member has marked read in the client''s notification centre.';

ALTER TABLE bjb.notification_read ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjb.notification_read FORCE ROW LEVEL SECURITY;

-- Identity comes from session_user only: nobody reads or writes another person's state.
-- Only events the caller can see may be marked (the subquery runs under the caller's RLS on
-- bjb.event); otherwise the foreign key would answer whether another audience's id exists.
CREATE POLICY notification_read_own ON bjb.notification_read
  FOR ALL
  USING (login = session_user)
  WITH CHECK (login = session_user
              AND EXISTS (SELECT 1 FROM bjb.event e WHERE e.id = event_id));

REVOKE ALL ON bjb.notification_read FROM PUBLIC;
GRANT SELECT, INSERT, DELETE ON bjb.notification_read TO bjb_admin, bjb_cs, bjb_courier;

-- Marks events read for the caller. Only events the caller can see (RLS on bjb.event,
-- evaluated as the caller because this function is SECURITY INVOKER) are marked.
CREATE FUNCTION bjb.mark_events_read(p_ids bigint[]) RETURNS integer
  LANGUAGE sql
  SECURITY INVOKER
  SET search_path = pg_catalog, pg_temp
AS $$
  WITH ins AS (
    INSERT INTO bjb.notification_read (login, event_id)
    SELECT session_user, e.id
      FROM bjb.event e
     WHERE e.id = ANY (p_ids)
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  SELECT count(*)::integer FROM ins
$$;

REVOKE EXECUTE ON FUNCTION bjb.mark_events_read(bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjb.mark_events_read(bigint[]) TO bjb_admin, bjb_cs, bjb_courier;

INSERT INTO bjb.schema_migration (version, name) VALUES (2, '0002_notification_read');
COMMIT;
