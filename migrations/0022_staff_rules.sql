-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0022 staff_rules: every staff refusal says which rule it is, not only in words.
--
-- 0001 and 0007 raise BJ010 for every staff rule with an Indonesian sentence and nothing
-- else, so a client that speaks English had to recognise the rule by the start of that
-- sentence: a reworded message would have silently lost the form's field mark and its
-- translation. Each refusal now also names its rule in the CONSTRAINT diagnostic
-- (PG_DIAG_CONSTRAINT_NAME) and, where one form field is wrong, the field in COLUMN, as
-- BJ011 does since 0007:
--
--   staff_login_shape       login    3–63 lower-case letters, digits or _, a letter first
--   staff_login_taken       login    the login exists already (a staff member or a role)
--   staff_role              role     not admin, cs, courier or worker
--   staff_name              name     blank display name
--   staff_password_length   password a plain password under 8 characters
--   staff_password_verifier password a reset that is not a SCRAM-SHA-256 verifier
--   staff_missing           -        no such staff member
--   staff_not_self          -        an admin deactivating themself
--   staff_not_own_role      -        an admin changing their own role
--   staff_last_admin        -        the change would leave no active admin
--
-- Same functions, arguments, messages, checks and order of checks as before; CREATE OR
-- REPLACE keeps their grants. create_staff keeps 0005's lock_timeout.
BEGIN;
SET LOCAL ROLE bjb_owner;

CREATE OR REPLACE FUNCTION bjb.create_staff(p_login text, p_display_name text, p_role text, p_password text,
                                 p_phone text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '5s' AS $$
BEGIN
  PERFORM bjb.require_role('admin');
  IF p_login IS NULL OR p_login !~ '^[a-z][a-z0-9_]{2,62}$' OR p_login ~ '^(pg_|bjb_)' THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ010', COLUMN = 'login', CONSTRAINT = 'staff_login_shape',
      MESSAGE = 'Login harus 3–63 huruf kecil, angka atau garis bawah, diawali huruf.';
  END IF;
  IF p_role IS NULL OR p_role NOT IN ('admin', 'cs', 'courier', 'worker') THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ010', COLUMN = 'role', CONSTRAINT = 'staff_role',
      MESSAGE = 'Peran harus admin, cs, courier atau worker.';
  END IF;
  IF p_display_name IS NULL OR btrim(p_display_name) = '' THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ010', COLUMN = 'name', CONSTRAINT = 'staff_name',
      MESSAGE = 'Nama staf harus diisi.';
  END IF;
  -- Either a SCRAM verifier computed by the client (preferred: the password never reaches
  -- the server) or a plaintext password of at least 8 characters.
  IF p_password IS NULL OR (p_password !~ '^SCRAM-SHA-256\$' AND length(p_password) < 8) THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ010', COLUMN = 'password', CONSTRAINT = 'staff_password_length',
      MESSAGE = 'Kata sandi minimal 8 karakter.';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = p_login) THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ010', COLUMN = 'login', CONSTRAINT = 'staff_login_taken',
      MESSAGE = pg_catalog.format('Login %s sudah dipakai.', p_login);
  END IF;

  EXECUTE pg_catalog.format('CREATE ROLE %I LOGIN PASSWORD %L', p_login, p_password);
  EXECUTE pg_catalog.format('GRANT %I TO %I', 'bjb_' || p_role, p_login);
  INSERT INTO bjb.staff (login, display_name, phone, role)
  VALUES (p_login, btrim(p_display_name), p_phone, p_role);
END
$$;

-- The one refusal of a login that is not (or no longer) staff, for the three calls below.
CREATE FUNCTION bjb.staff_missing_error(p_login text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'BJ010', CONSTRAINT = 'staff_missing',
    MESSAGE = pg_catalog.format('Staf %s tidak ditemukan.', coalesce(p_login, '(kosong)'));
END
$$;
REVOKE ALL ON FUNCTION bjb.staff_missing_error(text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION bjb.keep_an_admin(p_login text, p_message text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM 1 FROM bjb.staff WHERE role = 'admin' AND active ORDER BY login FOR NO KEY UPDATE;
  IF NOT EXISTS (SELECT 1 FROM bjb.staff WHERE role = 'admin' AND active AND login <> p_login) THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ010', CONSTRAINT = 'staff_last_admin', MESSAGE = p_message;
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION bjb.set_staff_active(p_login text, p_active boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '5s' AS $$
BEGIN
  PERFORM bjb.require_role('admin');
  IF p_active IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ011', MESSAGE = 'Status aktif harus ya atau tidak.';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM bjb.staff WHERE login = p_login) THEN
    PERFORM bjb.staff_missing_error(p_login);
  END IF;
  IF p_login = session_user AND NOT p_active THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ010', CONSTRAINT = 'staff_not_self',
      MESSAGE = 'Anda tidak dapat menonaktifkan akun sendiri.';
  END IF;
  IF NOT p_active THEN
    PERFORM bjb.keep_an_admin(p_login, 'Admin aktif terakhir tidak dapat dinonaktifkan.');
  END IF;

  UPDATE bjb.staff SET active = p_active WHERE login = p_login;
  EXECUTE pg_catalog.format('ALTER ROLE %I %s', p_login, CASE WHEN p_active THEN 'LOGIN' ELSE 'NOLOGIN' END);
  IF NOT p_active THEN
    PERFORM bjb.end_sessions(p_login);
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION bjb.set_staff_role(p_login text, p_role text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '5s' AS $$
DECLARE
  v_old text;
BEGIN
  PERFORM bjb.require_role('admin');
  IF p_role IS NULL OR p_role NOT IN ('admin', 'cs', 'courier', 'worker') THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ010', COLUMN = 'role', CONSTRAINT = 'staff_role',
      MESSAGE = 'Peran harus admin, cs, courier atau worker.';
  END IF;
  SELECT role INTO v_old FROM bjb.staff WHERE login = p_login;
  IF NOT FOUND THEN
    PERFORM bjb.staff_missing_error(p_login);
  END IF;
  IF v_old = p_role THEN
    RETURN;
  END IF;
  IF p_login = session_user THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ010', CONSTRAINT = 'staff_not_own_role',
      MESSAGE = 'Anda tidak dapat mengubah peran akun sendiri.';
  END IF;
  IF v_old = 'admin' THEN
    PERFORM bjb.keep_an_admin(p_login, 'Admin aktif terakhir tidak dapat diubah perannya.');
  END IF;
  UPDATE bjb.staff SET role = p_role WHERE login = p_login;
  EXECUTE pg_catalog.format('REVOKE %I FROM %I', 'bjb_' || v_old, p_login);
  EXECUTE pg_catalog.format('GRANT %I TO %I', 'bjb_' || p_role, p_login);
  PERFORM bjb.end_sessions(p_login);
END
$$;

CREATE OR REPLACE FUNCTION bjb.reset_staff_password(p_login text, p_password text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '5s' AS $$
BEGIN
  PERFORM bjb.require_role('admin');
  -- Only staff logins: never bjb_owner, a superuser or any other role of the cluster.
  IF NOT EXISTS (SELECT 1 FROM bjb.staff s JOIN pg_catalog.pg_roles r ON r.rolname = s.login
                 WHERE s.login = p_login AND NOT r.rolsuper) THEN
    PERFORM bjb.staff_missing_error(p_login);
  END IF;
  -- The exact shape PostgreSQL accepts as a verifier (keys of 32 bytes); anything else it
  -- would take as a plain password.
  IF p_password IS NULL
     OR p_password !~ '^SCRAM-SHA-256\$[0-9]{4,7}:[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=$' THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ010', COLUMN = 'password', CONSTRAINT = 'staff_password_verifier',
      MESSAGE = 'Kata sandi harus dikirim sebagai verifier SCRAM-SHA-256 yang dihitung aplikasi, bukan teks biasa.';
  END IF;
  EXECUTE pg_catalog.format('ALTER ROLE %I PASSWORD %L', p_login, p_password);
  INSERT INTO bjb.audit_log (actor, table_name, row_key, action, old, new)
  VALUES (session_user, 'staff', p_login, 'UPDATE', '{"password": "(lama)"}', '{"password": "(diatur ulang)"}');
END
$$;

INSERT INTO bjb.schema_migration (version, name) VALUES (22, '0022_staff_rules');
COMMIT;
