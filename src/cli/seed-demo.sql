-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Demo data for UD. Barokah Jaya Beton: the real product range, Indonesian customers in
-- Jabodetabek and two years of orders.  `barokah-admin seed-demo` runs this file (it only
-- defines a temporary function) and then calls
--
--   SELECT pg_temp.bjb_seed_demo($1, $2);   -- customers, orders
--
-- as a superuser, after it has created the demo staff logins (couriers must exist).
-- bench/run uses the same function for the 100 000 customer / 1 000 000 order data set.
--
-- Everything is set-based: the data is built in temporary tables first (deterministic,
-- setseed) and then copied into bjb.* with explicit ids, so the big set takes minutes, not
-- hours.  For a big set the copy runs with session_replication_role = replica, which skips
-- foreign-key checks and the audit/event triggers; the data is built consistent by
-- construction (every reference points at a row inserted here) and bench/verify-seed.sql
-- checks it.  The small demo set runs with every trigger and check on.
--
-- History is not replayed through bjb.place_order (that would take hours at bench scale);
-- instead the discount engine of DESIGN.md is applied set-based to the historic lines, and
-- the sequences are moved past the inserted rows so place_order continues the numbering.
--
-- On a database that already has customers (seed-demo --force) it adds another batch: the
-- catalogue and the rules for loyal customers are reused by name, new customers and orders
-- continue after the last ids, and no second birthday-today customer is made.

CREATE OR REPLACE FUNCTION pg_temp.bjb_seed_demo(p_customers integer, p_orders integer)
  RETURNS jsonb
  LANGUAGE plpgsql
AS $seed$
DECLARE
  v_now        timestamptz := now();
  v_today      date := (now() AT TIME ZONE 'Asia/Jakarta')::date;
  v_bulk       boolean := p_orders > 20000 OR p_customers > 5000;
  v_couriers   text[];
  v_cs         text[];
  v_admin      text;
  v_worker     text;
  v_pick       integer[];
  v_nprod      integer;
  v_recent     integer;
  v_base_cust  bigint;
  v_base_order bigint;
  v_base_line  bigint;
  v_bday_rank  integer;
  v_bday_id    bigint;
  v_leap       boolean;
  v_first      boolean;
  v_new_prod   bigint[];
  v_rebuild    regprocedure;
  v_result     jsonb;
BEGIN
  IF p_customers IS NULL OR p_customers < 10 OR p_orders IS NULL OR p_orders < 0 THEN
    RAISE EXCEPTION 'seed-demo needs at least 10 customers and 0 or more orders'
      USING ERRCODE = 'BJ011';
  END IF;
  -- A second run (barokah-admin seed-demo --force) adds another batch: the catalogue and
  -- the shared rules are reused by name, customers and orders continue after the last id.
  v_first := NOT EXISTS (SELECT 1 FROM bjb.customer);

  SELECT array_agg(login ORDER BY login) INTO v_couriers
    FROM bjb.staff WHERE role = 'courier' AND active;
  IF v_couriers IS NULL THEN
    RAISE EXCEPTION 'seed-demo needs at least one active courier in bjb.staff (create the demo staff first)'
      USING ERRCODE = 'BJ011';
  END IF;
  SELECT array_agg(login ORDER BY login) INTO v_cs
    FROM bjb.staff WHERE role = 'cs' AND active;
  SELECT min(login) INTO v_admin FROM bjb.staff WHERE role = 'admin' AND active;
  SELECT min(login) INTO v_worker FROM bjb.staff WHERE role = 'worker' AND active;
  v_cs := coalesce(v_cs, ARRAY[v_admin]);

  IF v_bulk THEN
    SET LOCAL session_replication_role = replica;
  END IF;
  -- Temporary tables of a few hundred MB at bench scale: give the sorts and hashes room.
  SET LOCAL work_mem = '256MB';
  -- The first batch is the same every time; a later one must not repeat its names.
  PERFORM setseed(CASE WHEN v_first THEN 0.2026 ELSE random() * 2 - 1 END);

  v_leap := extract(day FROM make_date(extract(year FROM v_today)::int, 3, 1) - 1) = 29;

  ---------------------------------------------------------------------------------------
  -- Product range
  ---------------------------------------------------------------------------------------
  CREATE TEMP TABLE seed_category (n int, name text, grp text) ON COMMIT DROP;
  INSERT INTO seed_category VALUES
    (1, 'Paving Block', 'paving'),
    (2, 'Kanstin', 'paving'),
    (3, 'Batako', 'dinding'),
    (4, 'Bata Ringan', 'dinding'),
    (5, 'Roster Beton', 'dinding'),
    (6, 'Buis Beton / Gorong-gorong', 'saluran'),
    (7, 'U-Ditch & Tutup Saluran', 'saluran'),
    (8, 'Pagar Panel Beton', 'pagar');

  -- n, category, name, unit, price (Rp, 2026), stock, qty range for a household order,
  -- rounding step, popularity weight, active
  CREATE TEMP TABLE seed_product (
    n int, cat int, name text, unit text, price bigint, stock int,
    qlo int, qhi int, step int, weight int, active boolean) ON COMMIT DROP;
  INSERT INTO seed_product VALUES
    ( 1, 1, 'Paving Holland 6 cm Natural',            'm²',     68000,  1850,  15,  120,  1, 14, true),
    ( 2, 1, 'Paving Holland 6 cm Merah',              'm²',     76000,   920,  15,  100,  1,  6, true),
    ( 3, 1, 'Paving Holland 6 cm Hitam',              'm²',     76000,   640,  15,  100,  1,  5, true),
    ( 4, 1, 'Paving Holland 8 cm Natural',            'm²',     82000,  1400,  20,  150,  1,  7, true),
    ( 5, 1, 'Paving Holland 8 cm Merah',              'm²',     90000,   480,  20,  120,  1,  3, true),
    ( 6, 1, 'Paving Holland 8 cm Hitam',              'm²',     90000,     8,  20,  120,  1,  3, true),
    ( 7, 1, 'Paving Holland 10 cm Natural',           'm²',     98000,   600,  30,  200,  1,  2, true),
    ( 8, 1, 'Paving Holland 10 cm Hitam',             'm²',    108000,     0,  30,  200,  1,  1, false),
    ( 9, 1, 'Paving Segi Enam (Hexagon) 6 cm Natural','m²',     70000,  1100,  15,  100,  1,  6, true),
    (10, 1, 'Paving Segi Enam (Hexagon) 6 cm Merah',  'm²',     78000,   520,  15,  100,  1,  3, true),
    (11, 1, 'Paving Segi Enam (Hexagon) 8 cm Natural','m²',     85000,   760,  20,  150,  1,  3, true),
    (12, 1, 'Paving Segi Enam (Hexagon) 8 cm Hitam',  'm²',     93000,     0,  20,  150,  1,  2, true),
    (13, 1, 'Paving Cacing (Uni) 6 cm Natural',       'm²',     67000,  1300,  15,  120,  1,  8, true),
    (14, 1, 'Paving Cacing (Uni) 6 cm Merah',         'm²',     75000,   450,  15,  100,  1,  3, true),
    (15, 1, 'Paving Cacing (Uni) 8 cm Natural',       'm²',     80000,   900,  20,  150,  1,  4, true),
    (16, 1, 'Paving Cacing (Uni) 10 cm Natural',      'm²',     96000,   350,  30,  200,  1,  1, true),
    (17, 1, 'Paving Trihex 6 cm Natural',             'm²',     72000,   700,  15,  100,  1,  3, true),
    (18, 1, 'Paving Trihex 8 cm Natural',             'm²',     84000,   410,  20,  120,  1,  2, true),
    (19, 1, 'Paving Trihex 8 cm Hitam',               'm²',     92000,   230,  20,  120,  1,  1, true),
    (20, 1, 'Grass Block 8 cm Natural (40 × 25 cm)',  'buah',    7500,  2400,  50,  600, 10,  3, true),
    (21, 2, 'Kanstin 10 × 20 × 40 cm',                'batang', 27500,  1600,  10,  150,  5,  6, true),
    (22, 2, 'Kanstin 15 × 30 × 50 cm',                'batang', 38000,   720,  10,  100,  5,  3, true),
    (23, 2, 'Kanstin Trapesium 20/30 × 60 cm',        'batang', 52000,   420,  10,   80,  5,  2, true),
    (24, 3, 'Batako Press Pejal 10 × 20 × 40 cm',     'buah',    4400, 18000, 200, 2000, 50, 10, true),
    (25, 3, 'Batako Press Berlubang 10 × 20 × 40 cm', 'buah',    3600, 26000, 200, 2000, 50, 12, true),
    (26, 3, 'Batako Press Berlubang 12 × 20 × 40 cm', 'buah',    4200,  9500, 200, 2000, 50,  4, true),
    (27, 3, 'Batako Berlubang 8 × 20 × 40 cm',        'buah',    3100, 15000, 200, 2000, 50,  6, true),
    (28, 4, 'Bata Ringan 7,5 × 20 × 60 cm',           'buah',    8600,  5200, 100, 1500, 10,  3, true),
    (29, 4, 'Bata Ringan 10 × 20 × 60 cm',            'buah',   10800,  6800, 100, 1500, 10,  4, true),
    (30, 5, 'Roster Beton Kotak 20 × 20 cm',          'buah',   12000,   900,  20,  200,  5,  3, true),
    (31, 5, 'Roster Beton Motif Daun 20 × 20 cm',     'buah',   14000,   650,  20,  200,  5,  2, true),
    (32, 5, 'Roster Beton Motif Bunga 25 × 25 cm',    'buah',   16500,   480,  20,  150,  5,  2, true),
    (33, 5, 'Roster Beton Motif Kipas 20 × 20 cm',    'buah',   14500,   320,  20,  150,  5,  1, true),
    (34, 6, 'Buis Beton Ø 30 cm × 50 cm',             'pcs',    95000,   140,   2,   30,  1,  4, true),
    (35, 6, 'Buis Beton Ø 40 cm × 50 cm',             'pcs',   125000,   120,   2,   30,  1,  4, true),
    (36, 6, 'Buis Beton Ø 50 cm × 50 cm',             'pcs',   175000,    95,   2,   25,  1,  3, true),
    (37, 6, 'Buis Beton Ø 60 cm × 50 cm',             'pcs',   250000,    85,   2,   25,  1,  3, true),
    (38, 6, 'Buis Beton Ø 80 cm × 50 cm',             'pcs',   400000,    40,   2,   20,  1,  2, true),
    (39, 6, 'Buis Beton Ø 100 cm × 50 cm',            'pcs',   600000,     6,   2,   15,  1,  1, true),
    (40, 7, 'U-Ditch 30 × 30 × 120 cm',               'pcs',   525000,    60,   2,   20,  1,  2, true),
    (41, 7, 'U-Ditch 40 × 40 × 120 cm',               'pcs',   725000,    45,   2,   20,  1,  2, true),
    (42, 7, 'U-Ditch 50 × 50 × 120 cm',               'pcs',   950000,    30,   2,   15,  1,  1, true),
    (43, 7, 'Tutup U-Ditch 30 × 120 cm',              'pcs',   215000,    70,   2,   20,  1,  2, true),
    (44, 7, 'Tutup U-Ditch 40 × 120 cm',              'pcs',   265000,    50,   2,   20,  1,  1, true),
    (45, 7, 'Tutup Saluran Berlubang 40 × 60 cm',     'pcs',    85000,   180,   2,   30,  1,  2, true),
    (46, 8, 'Pagar Panel Beton 40 × 240 cm',          'pcs',   118000,   320,  10,  120,  2,  2, true),
    (47, 8, 'Pagar Panel Beton 50 × 240 cm',          'pcs',   142000,   210,  10,  120,  2,  1, true),
    (48, 8, 'Tiang Pagar Panel H 2,4 m',              'batang',185000,   110,   4,   40,  1,  2, true),
    (49, 8, 'Tiang Pagar Panel Sudut 2,4 m',          'batang',205000,    60,   2,   12,  1,  1, true);

  INSERT INTO bjb.category (name)
  SELECT name FROM seed_category ORDER BY n
  ON CONFLICT (name) DO NOTHING;

  ALTER TABLE seed_product ADD COLUMN id bigint;
  WITH ins AS (
    INSERT INTO bjb.product (category_id, name, unit, price, stock, active)
    SELECT c.id, p.name, p.unit, p.price, p.stock, p.active
      FROM seed_product p
      JOIN seed_category sc ON sc.n = p.cat
      JOIN bjb.category c ON c.name = sc.name
     ORDER BY p.n
    ON CONFLICT (name) DO NOTHING
    RETURNING id)
  SELECT coalesce(array_agg(id), '{}') INTO v_new_prod FROM ins;
  UPDATE seed_product p SET id = b.id FROM bjb.product b WHERE b.name = p.name;
  v_nprod := (SELECT count(*) FROM seed_product);

  -- Popularity: an array holding each product n `weight` times; a random index picks one.
  SELECT array_agg(n ORDER BY n, w) INTO v_pick
    FROM seed_product, generate_series(1, weight) w
   WHERE active;

  -- Baskets: a main product and three companions of the same kind of job (a paving job
  -- buys kanstin, a wall job batako and roster, a drain buis and u-ditch covers).
  CREATE TEMP TABLE seed_basket ON COMMIT DROP AS
  SELECT (p.n - 1) * 3 + v AS id, p.n AS main,
         ARRAY[p.n] || ARRAY(
           SELECT q.n
             FROM seed_product q
             JOIN seed_category qc ON qc.n = q.cat
            WHERE qc.grp = pc.grp AND q.n <> p.n AND q.active
            ORDER BY random() + v * 0 + p.n * 0
            LIMIT 3) AS products
    FROM seed_product p
    JOIN seed_category pc ON pc.n = p.cat
    CROSS JOIN generate_series(1, 3) v;

  ---------------------------------------------------------------------------------------
  -- Customers
  ---------------------------------------------------------------------------------------
  CREATE TEMP TABLE seed_names (grp int, male text[], female text[], family text[]) ON COMMIT DROP;
  INSERT INTO seed_names VALUES
    -- Javanese
    (1, '{Budi,Agus,Joko,Slamet,Bambang,Eko,Heru,Wahyu,Hadi,Teguh,Sugeng,Yusuf,Suparman,Sutrisno,Mulyono,Darmaji,Wawan,Supriyadi}',
        '{Sri,Siti,Endang,Tuti,Wulan,Rini,Dewi,Ratna,Sulastri,Lestari,Sumarni,Tri,Yuni,Kartini}',
        '{Santoso,Wibowo,Susanto,Prasetyo,Setiawan,Purnomo,Hartono,Nugroho,Raharjo,Kusuma,Utomo,Sudarsono,Wahyudi,Suryadi,Widodo,Handoko}'),
    -- Sundanese
    (2, '{Asep,Dede,Cecep,Ujang,Dadang,Yayat,Iwan,Deden,Engkos,Ade,Jajang,Acep,Encep,Aep}',
        '{Euis,Neneng,Imas,Nining,Ai,Cucu,Yeni,Iis,Entin,Lilis,Eneng,Nenden}',
        '{Saepudin,Sutisna,Hidayat,Kurniawan,Sukmana,Permana,Gunawan,Suryana,Supriatna,Ruhimat,Mulyana,Setiadi,Sunarya,Rukmana}'),
    -- Betawi
    (3, '{Rojali,Muhidin,Sabeni,Mamat,Jaelani,Sanusi,Mansur,Rohman,Naim,Sarip,Bokir,Jiih}',
        '{Atun,Mumun,Rohaya,Zubaedah,Saodah,Hindun,Munaroh,Maemunah,Rodiah}',
        '{Nasir,Ilyas,Murtado,Sanip,Jayadi,Rachmat,Saidi,Nawi,Mahmud}'),
    -- Batak
    (4, '{Tigor,Hotman,Poltak,Sahat,Parulian,Togar,Binsar,Martua,Jonggi,Bonar,Robert,Hendrik}',
        '{Rina,Tiurma,Sondang,Romauli,Lasma,Debora,Intan,Maria,Rosmawati}',
        '{Siregar,Simanjuntak,Nainggolan,Hutapea,Sitorus,Pardede,Simatupang,Sinaga,Nababan,Panjaitan,Harahap,Lubis,Situmorang,Tambunan}'),
    -- Chinese-Indonesian
    (5, '{Hendra,Susanto,Budi,William,Ferry,Hartono,Agus,Kevin,Yohanes,Sugianto,Jimmy,Andi,Steven,Rudy}',
        '{Lina,Megawati,Yuliana,Melinda,Susi,Lanny,Fransiska,Meiliana,Vivian,Linda}',
        '{Wijaya,Gunawan,Halim,Tanoto,Salim,Tjahjadi,Kurniadi,Lim,Tan,Hartanto,Widjaja,Tanuwidjaja,Sutanto,Liem,Gozali}'),
    -- Minang
    (6, '{Rizal,Afrizal,Yusril,Zulkifli,Hendri,Dedi,Irwan,Syafri}',
        '{Yulia,Nurhayati,Fitri,Desi,Elvi,Rahmi}',
        '{Chaniago,Piliang,Tanjung,Koto,Sikumbang,Jambak,Caniago,Sinaga}'),
    -- everywhere
    (7, '{Ahmad,Muhammad,Rizky,Fajar,Andi,Arif,Irfan,Fauzi,Yoga,Dimas,Bayu,Rudi,Hendro,Ilham}',
        '{Nurul,Putri,Ayu,Indah,Fitriani,Anisa,Rahmawati,Dian,Novi,Mega}',
        '{Fauzi,Hidayat,Ramadhan,Saputra,Pratama,Firmansyah,Maulana,Syahputra,Hakim,Kurniawan,Hasibuan,Nasution}');

  -- Kelurahan, kecamatan, kota and the delivery cost from the depot in Cibinong.
  CREATE TEMP TABLE seed_area (n int, kel text, kec text, kota text, ship bigint) ON COMMIT DROP;
  INSERT INTO seed_area VALUES
    ( 1, 'Pakansari', 'Cibinong', 'Kab. Bogor', 100000),
    ( 2, 'Tengah', 'Cibinong', 'Kab. Bogor', 100000),
    ( 3, 'Pabuaran', 'Cibinong', 'Kab. Bogor', 100000),
    ( 4, 'Sukahati', 'Cibinong', 'Kab. Bogor', 100000),
    ( 5, 'Bojonggede', 'Bojonggede', 'Kab. Bogor', 150000),
    ( 6, 'Cileungsi Kidul', 'Cileungsi', 'Kab. Bogor', 200000),
    ( 7, 'Citeureup', 'Citeureup', 'Kab. Bogor', 125000),
    ( 8, 'Tajur', 'Bogor Timur', 'Kota Bogor', 175000),
    ( 9, 'Baranangsiang', 'Bogor Timur', 'Kota Bogor', 175000),
    (10, 'Tanah Baru', 'Bogor Utara', 'Kota Bogor', 150000),
    (11, 'Cimahpar', 'Bogor Utara', 'Kota Bogor', 150000),
    (12, 'Pondok Cina', 'Beji', 'Kota Depok', 150000),
    (13, 'Kemiri Muka', 'Beji', 'Kota Depok', 150000),
    (14, 'Sukmajaya', 'Sukmajaya', 'Kota Depok', 125000),
    (15, 'Cilodong', 'Cilodong', 'Kota Depok', 125000),
    (16, 'Pengasinan', 'Sawangan', 'Kota Depok', 175000),
    (17, 'Cinere', 'Cinere', 'Kota Depok', 200000),
    (18, 'Tapos', 'Tapos', 'Kota Depok', 125000),
    (19, 'Pamulang Barat', 'Pamulang', 'Kota Tangerang Selatan', 275000),
    (20, 'Pondok Kacang Timur', 'Pondok Aren', 'Kota Tangerang Selatan', 300000),
    (21, 'Lengkong Gudang', 'Serpong', 'Kota Tangerang Selatan', 325000),
    (22, 'Cikokol', 'Tangerang', 'Kota Tangerang', 350000),
    (23, 'Karawaci', 'Karawaci', 'Kota Tangerang', 375000),
    (24, 'Margahayu', 'Bekasi Timur', 'Kota Bekasi', 275000),
    (25, 'Jatiasih', 'Jatiasih', 'Kota Bekasi', 250000),
    (26, 'Harapan Jaya', 'Bekasi Utara', 'Kota Bekasi', 300000),
    (27, 'Jatimulya', 'Tambun Selatan', 'Kab. Bekasi', 300000),
    (28, 'Cibubur', 'Ciracas', 'Kota Jakarta Timur', 175000),
    (29, 'Cipayung', 'Cipayung', 'Kota Jakarta Timur', 200000),
    (30, 'Lenteng Agung', 'Jagakarsa', 'Kota Jakarta Selatan', 225000),
    (31, 'Ciganjur', 'Jagakarsa', 'Kota Jakarta Selatan', 225000),
    (32, 'Kebon Jeruk', 'Kebon Jeruk', 'Kota Jakarta Barat', 375000),
    (33, 'Sunter Agung', 'Tanjung Priok', 'Kota Jakarta Utara', 375000),
    (34, 'Cempaka Putih Timur', 'Cempaka Putih', 'Kota Jakarta Pusat', 325000);

  SELECT coalesce(max(id), 0) INTO v_base_cust FROM bjb.customer;
  CREATE TEMP TABLE seed_customer ON COMMIT DROP AS
  -- The draws are materialised before ranking: in a query that also sorts by random(),
  -- PostgreSQL would reuse the sort key for every other random() of the row.
  WITH draw AS MATERIALIZED (
    SELECT g AS n, v_base_cust + g AS gn, random() AS r_rank,
           random() AS r_kind, random() AS r_grp, random() AS r_sex,
           random() AS r1, random() AS r2, random() AS r3, random() AS r4,
           random() AS r5, random() AS r6, random() AS r7, random() AS r8
      FROM generate_series(1, p_customers) g
  ), base AS (
    SELECT d.*, row_number() OVER (ORDER BY d.r_rank) AS rank FROM draw d
  ), kind AS (
    SELECT b.*,
           -- the heaviest buyers are mostly contractors and shops
           -- ranks 1, 2 and 4 hold the manual discount rules below, rank 3 has the birthday
           CASE WHEN b.rank IN (1, 2, 4) THEN 'company'
                WHEN b.rank = 3 THEN 'person'
                WHEN b.r_kind < CASE WHEN b.rank <= greatest(10, p_customers / 50) THEN 0.5 ELSE 0.1 END
                THEN 'company' ELSE 'person' END AS kind,
           CASE WHEN b.r_grp < 0.30 THEN 1 WHEN b.r_grp < 0.50 THEN 2 WHEN b.r_grp < 0.62 THEN 3
                WHEN b.r_grp < 0.72 THEN 4 WHEN b.r_grp < 0.82 THEN 5 WHEN b.r_grp < 0.87 THEN 6
                ELSE 7 END AS grp
      FROM base b
  ), named AS (
    SELECT k.*,
           CASE WHEN k.r_sex < 0.62 THEN nm.male[1 + floor(k.r1 * cardinality(nm.male))::int]
                ELSE nm.female[1 + floor(k.r1 * cardinality(nm.female))::int] END AS first,
           nm.family[1 + floor(k.r2 * cardinality(nm.family))::int] AS last,
           a.kel, a.kec, a.kota, a.ship
      FROM kind k
      JOIN seed_names nm ON nm.grp = k.grp
      JOIN seed_area a ON a.n = 1 + floor(k.r3 * 34)::int
  )
  SELECT n, rank, kind, kota, ship,
         CASE
           WHEN kind = 'company' THEN
             (ARRAY['CV ', 'CV ', 'CV ', 'PT ', 'PT ', 'Toko Bangunan ', 'Toko Bangunan ', 'TB ', 'UD '])
               [1 + floor(r4 * 9)::int]
             || (ARRAY['Maju', 'Sinar', 'Cahaya', 'Karya', 'Bangun', 'Berkah', 'Sumber', 'Mitra',
                       'Duta', 'Tunas', 'Harapan', 'Anugerah', 'Rahayu', 'Griya', 'Putra', 'Sentral',
                       'Bintang', 'Mulia', 'Sejahtera', 'Cipta'])[1 + floor(r5 * 20)::int]
             || ' '
             || (ARRAY['Jaya', 'Abadi', 'Makmur', 'Sentosa', 'Bersama', 'Mandiri', 'Persada',
                       'Perkasa', 'Utama', 'Lestari', 'Konstruksi', 'Bangunan', 'Rejeki', 'Karya',
                       'Sakti', 'Indah', 'Baru', 'Agung'])[1 + floor(r6 * 18)::int]
             || CASE WHEN r7 < 0.25 THEN ' ' || kec ELSE '' END
           WHEN grp = 3 AND r7 < 0.25 THEN
             CASE WHEN r_sex < 0.62 THEN 'H. ' ELSE 'Hj. ' END || first
           WHEN grp IN (1, 3) AND r7 < 0.45 THEN first
           WHEN r8 < 0.20 THEN
             first || ' '
             || (ARRAY['Dwi', 'Tri', 'Eko', 'Adi', 'Nur', 'Putra', 'Indra', 'Sri', 'Dewi', 'Rahmat'])
                  [1 + floor(r5 * 10)::int]
             || ' ' || last
           ELSE first || ' ' || last
         END AS name,
         CASE WHEN r4 < 0.18 THEN
                'Perum '
                || (ARRAY['Griya Asri', 'Villa Mutiara', 'Bumi Indah', 'Taman Cibinong Raya',
                          'Graha Permai', 'Puri Depok Mas', 'Citra Indah', 'Pesona Khayangan'])
                     [1 + floor(r6 * 8)::int]
                || ' Blok ' || chr(65 + floor(r7 * 8)::int) || (1 + floor(r8 * 12)::int)
                || ' No. ' || (1 + floor(r1 * 40)::int)
              ELSE
                'Jl. '
                || (ARRAY['Raya Bogor', 'Margonda Raya', 'Raya Jakarta-Bogor', 'Pemuda', 'Kenanga',
                          'Melati', 'Mawar', 'Flamboyan', 'Cempaka', 'H. Nawi', 'Masjid Al-Ikhlas',
                          'Swadaya', 'Pancasila', 'Merdeka', 'Kartini', 'Siliwangi', 'Pajajaran',
                          'Raya Serpong', 'Ir. H. Juanda', 'Jend. Sudirman', 'Ahmad Yani',
                          'Raya Cibinong', 'Raya Narogong', 'Kalimalang', 'Nusantara', 'Tole Iskandar',
                          'Raya Sawangan', 'Raya Parung', 'Haji Dimun', 'Sentosa', 'Kemuning',
                          'Mangga', 'Rambutan', 'Duku'])[1 + floor(r6 * 34)::int]
                || CASE WHEN r7 < 0.3 THEN ' Gg. ' || (ARRAY['Mushola', 'Haji Saman', 'Damai',
                                                             'Kelapa', 'Nangka', 'Buntu'])
                                                        [1 + floor(r8 * 6)::int]
                        ELSE '' END
                || ' No. ' || (1 + floor(r1 * 180)::int)
         END
         || ', RT ' || lpad((1 + floor(r2 * 12)::int)::text, 3, '0')
         || '/RW ' || lpad((floor(r3 * 1000)::int % 9 + 1)::text, 3, '0')
         || ', Kel. ' || kel || ', Kec. ' || kec || ', ' || kota AS address,
         '+628'
         || (ARRAY['11', '12', '13', '21', '22', '23', '51', '52', '53', '57', '58', '77', '78',
                   '81', '82', '87', '95', '96', '97', '98', '99'])[1 + floor(r8 * 21)::int]
         || lpad(((gn * 61803393) % 99999989)::text, 8, '0') AS phone,
         CASE
           WHEN kind = 'company' AND r8 < 0.7 THEN
             (ARRAY['admin', 'info', 'order', 'purchasing'])[1 + floor(r1 * 4)::int]
             || gn || '@'
             || (ARRAY['gmail.com', 'yahoo.co.id', 'bangunjaya.co.id', 'outlook.com'])[1 + floor(r2 * 4)::int]
           WHEN kind = 'person' AND r8 < 0.72 THEN
             lower(regexp_replace(first, '[^A-Za-z]', '', 'g'))
             || (ARRAY['.', '_', ''])[1 + floor(r3 * 3)::int]
             || lower(regexp_replace(last, '[^A-Za-z]', '', 'g'))
             || gn || '@'
             || (ARRAY['gmail.com', 'gmail.com', 'gmail.com', 'gmail.com', 'yahoo.co.id', 'yahoo.com',
                       'ymail.com', 'outlook.com', 'hotmail.com'])[1 + floor(r4 * 9)::int]
         END AS email,
         CASE WHEN kind = 'person' AND r7 < 0.8 THEN
           date '1958-01-01' + floor(r6 * 16000)::int
         END AS birth_date,
         CASE WHEN r5 < 0.02 THEN 'inactive' ELSE 'active' END AS status
    FROM named;

  -- Exactly one birthday today: move every other birthday off today (29 February counts on
  -- 28 February in other years, as in the discount rules), then pick a heavy buyer.
  UPDATE seed_customer SET birth_date = birth_date + 3
   WHERE birth_date IS NOT NULL
     AND (to_char(birth_date, 'MMDD') = to_char(v_today, 'MMDD')
          OR (to_char(birth_date, 'MMDD') = '0229' AND to_char(v_today, 'MMDD') = '0228'
              AND NOT v_leap));
  -- (An earlier batch may already have today's birthday: then this batch adds none.)
  SELECT min(id) INTO v_bday_id FROM bjb.customer
   WHERE status = 'active' AND bjb.is_birthday(birth_date, v_now);
  v_bday_rank := CASE WHEN v_bday_id IS NULL THEN 3 END;
  UPDATE seed_customer
     SET status = 'active',
         birth_date = make_date(CASE WHEN to_char(v_today, 'MMDD') = '0229' THEN 1980 ELSE 1981 END,
                                extract(month FROM v_today)::int, extract(day FROM v_today)::int)
   WHERE rank = v_bday_rank;

  ---------------------------------------------------------------------------------------
  -- Orders, first pass: who, when, what kind of job
  ---------------------------------------------------------------------------------------
  -- A slice of the orders falls in the last three days so the dashboard has work waiting
  -- in every status; the rest spreads over two years with the business growing.
  v_recent := least(p_orders / 4, greatest(60, p_orders / 200));

  CREATE TEMP TABLE seed_order0 ON COMMIT DROP AS
  WITH o AS (
    SELECT g AS n,
           1 + floor(p_customers * power(random(), 2.5))::int AS rank,
           CASE WHEN g <= v_recent THEN random() * 3
                WHEN random() < 0.6 THEN 3 + random() * 727
                ELSE 3 + 727 * (1 - sqrt(random())) END AS age_days,
           random() AS r_time, random() AS r_deliv, random() AS r_lines, random() AS r_cancel,
           random() AS r_pay, random() AS r_ship, random() AS r_done, random() AS r_fb,
           random() AS r_basket, random() AS r_addr, random() AS r_cost
      FROM generate_series(1, p_orders) g
  )
  SELECT o.n, c.n AS cust_n, c.rank AS cust_rank, c.kind, c.status AS cust_status, c.address AS cust_address,
         c.kota, c.ship AS ship_base,
         -- business hours in Jakarta, never in the future
         CASE WHEN c.status = 'inactive' THEN o.age_days + 90 ELSE o.age_days END AS age_days,
         o.r_time, o.r_deliv, o.r_lines, o.r_cancel, o.r_pay, o.r_ship, o.r_done, o.r_fb,
         o.r_addr, o.r_cost,
         (v_pick[1 + floor(o.r_basket * cardinality(v_pick))::int] - 1) * 3
           + 1 + floor(random() * 3)::int AS basket
    FROM o
    JOIN seed_customer c ON c.rank = o.rank;

  ALTER TABLE seed_order0 ADD COLUMN placed_at timestamptz;
  UPDATE seed_order0 SET placed_at =
    ((v_today - floor(age_days)::int)::timestamp + interval '7 hours'
       + r_time * interval '13 hours') AT TIME ZONE 'Asia/Jakarta';
  UPDATE seed_order0 SET placed_at = placed_at - interval '1 day' WHERE placed_at >= v_now;
  ANALYZE seed_order0;

  ---------------------------------------------------------------------------------------
  -- Customers go in: registered before their first order
  ---------------------------------------------------------------------------------------
  INSERT INTO bjb.customer (id, name, address, phone, email, birth_date, status, created_at,
                            created_by, updated_at)
  OVERRIDING SYSTEM VALUE
  SELECT v_base_cust + c.n, c.name, c.address, c.phone, c.email, c.birth_date, c.status,
         least(coalesce(f.first_order, v_now), v_now - interval '2 days')
           - (interval '1 hour' + random() * interval '40 days'),
         coalesce(v_cs[1 + (c.n % cardinality(v_cs))], session_user), v_now
    FROM seed_customer c
    LEFT JOIN (SELECT cust_n, min(placed_at) AS first_order FROM seed_order0 GROUP BY cust_n) f
      ON f.cust_n = c.n
   ORDER BY c.n;
  PERFORM setval(pg_get_serial_sequence('bjb.customer', 'id'), v_base_cust + p_customers);
  v_bday_id := coalesce(v_bday_id,
                        v_base_cust + (SELECT n FROM seed_customer WHERE rank = v_bday_rank));

  -- Interests the shop may message about (new product, back in stock): 0–3 per customer.
  INSERT INTO bjb.customer_preference (customer_id, product_id)
  SELECT DISTINCT v_base_cust + c.n, p.id
    FROM seed_customer c
    CROSS JOIN LATERAL generate_series(1, floor(random() * 3.6 + c.n * 0)::int) k
    JOIN seed_product p
      ON p.n = 1 + ((c.n * 7 + k * 11) % v_nprod)
   WHERE p.active;

  ---------------------------------------------------------------------------------------
  -- Discount rules: manual per-customer prices for big accounts, loyal-customer rules and
  -- cart thresholds; one expired and one switched off so the UI has them to show.
  ---------------------------------------------------------------------------------------
  CREATE TEMP TABLE seed_rule (
    k text, name text, percent int, audience text, cust_rank int, scope text, prod_n int,
    min_cart bigint, active boolean, valid_until date, id bigint, cust_id bigint) ON COMMIT DROP;
  INSERT INTO seed_rule VALUES
    ('m1', 'Harga proyek: Paving Holland 8 cm Natural', 7, 'customer', 1, 'single_product', 4,
     NULL, true, NULL),
    ('m2', 'Harga proyek: Batako Press Berlubang', 6, 'customer', 2, 'single_product', 25,
     NULL, true, NULL),
    ('m3', 'Langganan kontraktor: semua produk', 5, 'customer', 1, 'all_products', NULL,
     NULL, true, NULL),
    ('m4', 'Reseller toko bangunan: semua produk', 4, 'customer', 4, 'all_products', NULL,
     NULL, true, NULL),
    ('l1', 'Pelanggan setia: Batako Press Pejal', 5, 'loyal', NULL, 'single_product', 24,
     NULL, true, NULL),
    ('l2', 'Pelanggan setia: Paving Holland 6 cm Natural', 3, 'loyal', NULL, 'single_product', 1,
     NULL, true, NULL),
    ('c1', 'Belanja proyek ≥ Rp 25 juta (pelanggan setia)', 4, 'loyal', NULL, 'cart_threshold',
     NULL, 25000000, true, NULL),
    ('c2', 'Belanja ≥ Rp 10 juta (toko bangunan)', 5, 'customer', 4, 'cart_threshold', NULL,
     10000000, true, NULL),
    ('x1', 'Promo Lebaran 2025: semua produk', 8, 'loyal', NULL, 'all_products', NULL,
     NULL, true, date '2025-04-15'),
    ('x2', 'Promo pembukaan gudang Citeureup', 10, 'customer', 5, 'all_products', NULL,
     NULL, false, NULL);

  -- A customer's own rule carries their name; the rules for all loyal customers are
  -- created once and reused by a later batch.
  UPDATE seed_rule r SET cust_id = v_base_cust + c.n, name = r.name || ' — ' || c.name
    FROM seed_customer c
   WHERE r.audience = 'customer' AND c.rank = r.cust_rank;
  INSERT INTO bjb.discount_rule (name, percent, audience, customer_id, scope, product_id,
                                 min_cart_total, active, valid_until, created_at, created_by)
  SELECT r.name, r.percent, r.audience, r.cust_id, r.scope, p.id, r.min_cart, r.active,
         r.valid_until, v_now - interval '800 days', coalesce(v_admin, session_user)
    FROM seed_rule r
    LEFT JOIN seed_product p ON p.n = r.prod_n
   WHERE r.audience = 'customer'
      OR NOT EXISTS (SELECT 1 FROM bjb.discount_rule d WHERE d.name = r.name AND d.audience = 'loyal')
   ORDER BY r.k;
  UPDATE seed_rule r
     SET id = d.id, percent = d.percent, active = d.active, valid_until = d.valid_until,
         min_cart = d.min_cart_total
    FROM bjb.discount_rule d
   WHERE d.id = (SELECT max(x.id) FROM bjb.discount_rule x
                  WHERE x.name = r.name AND x.customer_id IS NOT DISTINCT FROM r.cust_id);

  ---------------------------------------------------------------------------------------
  -- Order lines: quantities by product and buyer, prices of the day (about 6 % a year
  -- cheaper going back), then the discount engine of DESIGN.md in set form.
  ---------------------------------------------------------------------------------------
  CREATE TEMP TABLE seed_line0 ON COMMIT DROP AS
  SELECT o.n, k AS line_no, p.n AS prod_n, p.id AS product_id,
         -- most buyers are households doing one carport or one room: skewed to the small end
         greatest(p.step,
                  (round((p.qlo + power(random(), 2) * (p.qhi - p.qlo))
                         * CASE WHEN o.kind = 'company' THEN 1 + random() * 3 ELSE 1 END
                         / p.step) * p.step)::int) AS qty,
         CASE WHEN p.price < 20000
              THEN round(p.price * (1 - 0.06 * o.age_days / 365.0) / 50) * 50
              ELSE round(p.price * (1 - 0.06 * o.age_days / 365.0) / 500) * 500
         END::bigint AS unit_price
    FROM seed_order0 o
    JOIN seed_basket b ON b.id = o.basket
    CROSS JOIN LATERAL generate_series(1,
      CASE WHEN o.r_lines < 0.55 THEN 1 WHEN o.r_lines < 0.83 THEN 2
           WHEN o.r_lines < 0.95 THEN 3 ELSE 4 END) k
    JOIN seed_product p ON p.n = b.products[k];
  ALTER TABLE seed_line0 ADD COLUMN subtotal bigint;
  UPDATE seed_line0 SET subtotal = qty * unit_price;

  -- Status and timestamps.  Timestamps that would lie in the future decide the status:
  -- an order still waiting for its payment is pending_payment, and so on.  Cancelled
  -- orders are older than three days: most expired unpaid, some were called off.
  CREATE TEMP TABLE seed_order1 ON COMMIT DROP AS
  SELECT o.*, s.subtotal,
         CASE WHEN o.r_deliv < 0.78 THEN 'delivery' ELSE 'pickup' END AS delivery,
         o.placed_at + interval '15 minutes' + o.r_pay * interval '20 hours' AS t_paid,
         CASE WHEN o.r_cancel < 0.06 AND o.placed_at < v_now - interval '3 days' THEN
           CASE WHEN o.r_pay < 0.65 THEN 'expired' WHEN o.r_pay < 0.9 THEN 'unpaid' ELSE 'paid' END
         END AS cancel_kind
    FROM seed_order0 o
    JOIN (SELECT n, sum(subtotal) AS subtotal FROM seed_line0 GROUP BY n) s ON s.n = o.n;
  ALTER TABLE seed_order1
    ADD COLUMN t_shipped timestamptz, ADD COLUMN t_completed timestamptz,
    ADD COLUMN status text, ADD COLUMN loyal boolean;
  UPDATE seed_order1
     SET t_shipped = CASE WHEN delivery = 'delivery'
                          THEN t_paid + interval '2 hours' + r_ship * interval '46 hours' END,
         t_completed = CASE WHEN delivery = 'delivery'
                            THEN t_paid + interval '2 hours' + r_ship * interval '46 hours'
                                 + interval '2 hours' + r_done * interval '36 hours'
                            ELSE t_paid + interval '30 minutes' + r_done * interval '72 hours' END;
  UPDATE seed_order1
     SET status = CASE
                    WHEN cancel_kind IS NOT NULL THEN 'cancelled'
                    WHEN t_completed <= v_now THEN 'completed'
                    WHEN t_shipped <= v_now THEN 'shipped'
                    WHEN t_paid <= v_now THEN 'paid'
                    ELSE 'pending_payment'
                  END;

  -- Loyal at the time of the order: paid/shipped/completed orders before it reach the
  -- threshold (measured on subtotals; close enough for history).
  UPDATE seed_order1 o SET loyal = w.before >= bjb.setting_bigint('loyalty_threshold')
    FROM (SELECT n, coalesce(sum(CASE WHEN status <> 'cancelled' THEN subtotal END)
                               OVER (PARTITION BY cust_n ORDER BY placed_at, n
                                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
            FROM seed_order1) w
   WHERE w.n = o.n;
  ANALYZE seed_order1;

  -- One rule per line, never stacked: manual single product, manual all products, loyal
  -- rules, then cart thresholds for lines that got nothing above; within a level the
  -- larger percent.  Expired and inactive rules are skipped, as bjb.compute_quote does.
  CREATE TEMP TABLE seed_line ON COMMIT DROP AS
  WITH cand AS (
    SELECT l.n, l.line_no, r.id AS rule_id, r.percent, r.name,
           CASE WHEN r.audience = 'customer' AND r.scope = 'single_product' THEN 1
                WHEN r.audience = 'customer' AND r.scope = 'all_products' THEN 2
                WHEN r.audience = 'loyal' AND r.scope IN ('single_product', 'all_products') THEN 3
                ELSE 4 END AS prio,
           CASE WHEN r.audience = 'customer' AND r.scope = 'single_product' THEN 'manual_product'
                WHEN r.audience = 'customer' AND r.scope = 'all_products' THEN 'manual_all'
                WHEN r.scope = 'cart_threshold' THEN 'cart_threshold'
                ELSE 'loyalty' END AS rule,
           r.min_cart
      FROM seed_line0 l
      JOIN seed_order1 o ON o.n = l.n
      JOIN seed_rule r
        ON r.active
       AND (r.valid_until IS NULL OR r.valid_until >= (o.placed_at AT TIME ZONE 'Asia/Jakarta')::date)
       AND ((r.audience = 'customer' AND r.cust_rank = o.cust_rank)
            OR (r.audience = 'loyal' AND o.loyal))
       AND (r.scope = 'all_products'
            OR (r.scope = 'single_product' AND r.prod_n = l.prod_n)
            OR (r.scope = 'cart_threshold' AND o.subtotal >= r.min_cart))
  ), best AS (
    SELECT DISTINCT ON (n, line_no) *
      FROM cand
     ORDER BY n, line_no, prio, percent DESC, rule_id
  )
  SELECT l.n, l.line_no, l.product_id, l.qty, l.unit_price, l.subtotal,
         coalesce(b.percent, 0) AS discount_percent,
         coalesce((l.subtotal * b.percent + 50) / 100, 0) AS discount_amount,
         b.rule, b.rule_id,
         CASE b.rule
           WHEN 'manual_product' THEN format('Diskon khusus pelanggan untuk produk ini (%s)', b.name)
           WHEN 'manual_all' THEN format('Diskon khusus pelanggan untuk semua produk (%s)', b.name)
           WHEN 'loyalty' THEN format('Diskon pelanggan setia (%s)', b.name)
           WHEN 'cart_threshold' THEN format('Diskon belanja minimal %s (%s)',
                                             bjb.format_rupiah(b.min_cart), b.name)
         END AS reason
    FROM seed_line0 l
    LEFT JOIN best b ON b.n = l.n AND b.line_no = l.line_no;

  ---------------------------------------------------------------------------------------
  -- Orders and lines go in, numbered in the order they were placed, the way
  -- bjb.place_order numbers them (BJB-<Jakarta YYMMDD>-<id>)
  ---------------------------------------------------------------------------------------
  SELECT coalesce(max(id), 0) INTO v_base_order FROM bjb.sales_order;
  CREATE TEMP TABLE seed_order ON COMMIT DROP AS
  SELECT v_base_order + row_number() OVER (ORDER BY o.placed_at, o.n) AS id, o.*,
         d.discount_total,
         CASE WHEN o.delivery = 'delivery'
              THEN o.ship_base + 25000 * floor(o.r_cost * 4)::bigint ELSE 0 END AS shipping,
         CASE WHEN o.status IN ('paid', 'shipped', 'completed') OR o.cancel_kind = 'paid'
              THEN o.t_paid END AS paid_at,
         CASE o.cancel_kind
           WHEN 'expired' THEN o.placed_at + interval '24 hours' + o.r_done * interval '30 minutes'
           WHEN 'unpaid' THEN o.placed_at + interval '1 hour' + o.r_done * interval '20 hours'
           WHEN 'paid' THEN o.t_paid + interval '1 hour' + o.r_done * interval '20 hours'
         END AS cancelled_at
    FROM seed_order1 o
    JOIN (SELECT n, sum(discount_amount) AS discount_total FROM seed_line GROUP BY n) d
      ON d.n = o.n;

  INSERT INTO bjb.sales_order (
    id, number, customer_id, status, delivery, address, shipping_cost, subtotal,
    discount_total, total, request_id, placed_at, payment_due_at, paid_at, shipped_at,
    completed_at, cancelled_at, cancel_reason, courier, feedback, feedback_at, created_by)
  OVERRIDING SYSTEM VALUE
  SELECT o.id,
         'BJB-' || to_char(o.placed_at AT TIME ZONE 'Asia/Jakarta', 'YYMMDD') || '-'
           || lpad(o.id::text, greatest(6, length(o.id::text)), '0'),
         v_base_cust + o.cust_n,
         o.status::bjb.order_status,
         o.delivery,
         CASE WHEN o.delivery = 'delivery' THEN
           CASE WHEN o.r_addr < 0.15
                THEN 'Lokasi proyek: ' || o.cust_address
                ELSE o.cust_address END
         END,
         o.shipping,
         o.subtotal, o.discount_total,
         o.subtotal - o.discount_total + o.shipping,
         md5('bjb-seed-order-' || v_base_order || '-' || o.n)::uuid,
         o.placed_at,
         o.placed_at + interval '24 hours',
         o.paid_at,
         CASE WHEN o.status IN ('shipped', 'completed') THEN o.t_shipped END,
         CASE WHEN o.status = 'completed' THEN o.t_completed END,
         o.cancelled_at,
         CASE o.cancel_kind
           WHEN 'expired' THEN 'Batas waktu pembayaran terlewati'
           WHEN 'unpaid' THEN
             (ARRAY['Pelanggan membatalkan: proyek ditunda',
                    'Pelanggan salah pilih ukuran, akan pesan ulang',
                    'Pelanggan membeli di tempat lain',
                    'Alamat di luar jangkauan pengiriman'])[1 + floor(o.r_ship * 4)::int]
           WHEN 'paid' THEN 'Dibatalkan atas permintaan pelanggan, dana dikembalikan'
         END,
         CASE WHEN o.delivery = 'delivery' AND o.status IN ('shipped', 'completed')
              THEN v_couriers[1 + (o.n % cardinality(v_couriers))] END,
         CASE WHEN o.status = 'completed' AND o.r_fb < 0.15 THEN
           (ARRAY['Barang sampai tepat waktu, kualitas paving bagus.',
                  'Sopir ramah, bongkar muat rapi. Terima kasih.',
                  'Batako kuat, hampir tidak ada yang pecah.',
                  'Pengiriman agak telat dari jadwal, tapi barang oke.',
                  'Warna paving merahnya sesuai contoh di toko.',
                  'Ada beberapa buah yang retak di ujung, mohon lebih hati-hati waktu muat.',
                  'Harga bersaing, nanti order lagi untuk proyek berikutnya.',
                  'CS cepat tanggap lewat WhatsApp, mantap.',
                  'Buis betonnya rapi dan ukurannya pas.',
                  'Truk tidak bisa masuk gang, tapi sopir bantu langsir. Terima kasih banyak.'])
             [1 + floor(o.r_fb / 0.15 * 10)::int]
         END,
         CASE WHEN o.status = 'completed' AND o.r_fb < 0.15 THEN
           least(o.t_completed + interval '1 hour' + o.r_cost * interval '3 days', v_now)
         END,
         coalesce(v_cs[1 + (o.n % cardinality(v_cs))], session_user)
    FROM seed_order o
   ORDER BY o.id;
  PERFORM setval(pg_get_serial_sequence('bjb.sales_order', 'id'),
                 greatest(v_base_order + p_orders, 1), v_base_order + p_orders > 0);

  SELECT coalesce(max(id), 0) INTO v_base_line FROM bjb.order_line;
  INSERT INTO bjb.order_line (
    id, order_id, line_no, product_id, qty, unit_price, subtotal, discount_percent,
    discount_amount, rule, rule_id, reason, total)
  OVERRIDING SYSTEM VALUE
  SELECT v_base_line + row_number() OVER (ORDER BY o.id, l.line_no),
         o.id, l.line_no, l.product_id, l.qty, l.unit_price, l.subtotal, l.discount_percent,
         l.discount_amount, l.rule, l.rule_id, l.reason, l.subtotal - l.discount_amount
    FROM seed_line l
    JOIN seed_order o ON o.n = l.n
   ORDER BY o.id, l.line_no;
  PERFORM setval(pg_get_serial_sequence('bjb.order_line', 'id'),
                 greatest((SELECT max(id) FROM bjb.order_line), 1),
                 EXISTS (SELECT 1 FROM bjb.order_line));

  -- The order timeline the order page shows, as the functions would have written it.
  INSERT INTO bjb.order_status_history (order_id, status, at, actor, note)
  SELECT o.id, h.status::bjb.order_status, h.at, h.actor, h.note
    FROM seed_order o
    CROSS JOIN LATERAL (VALUES
      (1, 'pending_payment', o.placed_at, coalesce(v_cs[1 + (o.n % cardinality(v_cs))], session_user),
       NULL::text),
      (2, 'paid', o.paid_at, coalesce(v_cs[1 + ((o.n + 1) % cardinality(v_cs))], session_user), NULL),
      (3, 'shipped', CASE WHEN o.status IN ('shipped', 'completed') THEN o.t_shipped END,
       coalesce(v_cs[1 + ((o.n + 1) % cardinality(v_cs))], session_user),
       v_couriers[1 + (o.n % cardinality(v_couriers))]),
      (4, 'completed', CASE WHEN o.status = 'completed' THEN o.t_completed END,
       CASE WHEN o.delivery = 'delivery' THEN v_couriers[1 + (o.n % cardinality(v_couriers))]
            ELSE coalesce(v_cs[1 + ((o.n + 1) % cardinality(v_cs))], session_user) END, NULL),
      (5, 'cancelled', o.cancelled_at,
       CASE WHEN o.cancel_kind = 'expired' THEN coalesce(v_worker, session_user)
            ELSE coalesce(v_cs[1 + (o.n % cardinality(v_cs))], session_user) END,
       CASE WHEN o.cancel_kind = 'expired' THEN 'Batas waktu pembayaran terlewati'
            ELSE 'Dibatalkan atas permintaan pelanggan' END)
    ) AS h (k, status, at, actor, note)
   WHERE h.at IS NOT NULL
   ORDER BY o.id, h.k;

  -- Today's stock arrived as one opening movement per product, so the stock ledger adds
  -- up from here on (history before the demo is not replayed).
  INSERT INTO bjb.stock_movement (product_id, delta, reason, note, at, actor)
  SELECT id, stock, 'restock', 'Stok awal (data demo)', v_now, coalesce(v_admin, session_user)
    FROM seed_product
   WHERE stock > 0 AND id = ANY (v_new_prod)
   ORDER BY n;

  -- Tables that migrations keep by trigger (0003: bjb.customer_stats) missed the bulk
  -- copy.  Convention: each has a bjb.rebuild_<name>() without arguments; run them all.
  -- Name order matters: 0016's rebuild_customer_status_count and rebuild_product_preference_count
  -- follow rebuild_customer_stats, rebuild_customer_year follows rebuild_customer_month and
  -- rebuild_sales_summary_month follows rebuild_sales_summary (each reads the one before).
  IF v_bulk THEN
    FOR v_rebuild IN
      SELECT p.oid::regprocedure FROM pg_proc p
       WHERE p.pronamespace = 'bjb'::regnamespace AND p.proname LIKE 'rebuild\_%'
         AND p.pronargs = 0
       ORDER BY p.proname
    LOOP
      EXECUTE format('SELECT %s', v_rebuild);
    END LOOP;
  END IF;

  ANALYZE bjb.customer, bjb.customer_preference, bjb.product, bjb.discount_rule,
          bjb.sales_order, bjb.order_line, bjb.order_status_history;

  SELECT jsonb_build_object(
           'categories', (SELECT count(*) FROM bjb.category),
           'products', (SELECT count(*) FROM bjb.product),
           'customers', (SELECT count(*) FROM bjb.customer),
           'customer_preferences', (SELECT count(*) FROM bjb.customer_preference),
           'discount_rules', (SELECT count(*) FROM bjb.discount_rule),
           'orders', (SELECT count(*) FROM bjb.sales_order),
           'order_lines', (SELECT count(*) FROM bjb.order_line),
           'orders_by_status', (SELECT coalesce(jsonb_object_agg(status, c), '{}')
                                  FROM (SELECT status, count(*) AS c FROM seed_order
                                         GROUP BY status) s),
           'loyal_customers', (SELECT count(*) FROM (
                                 SELECT customer_id FROM bjb.sales_order
                                  WHERE status IN ('paid', 'shipped', 'completed')
                                  GROUP BY customer_id
                                 HAVING sum(total) >= bjb.setting_bigint('loyalty_threshold')) x),
           'birthday_customer', v_bday_id,
           'bulk', v_bulk)
    INTO v_result;
  RETURN v_result;
END
$seed$;
