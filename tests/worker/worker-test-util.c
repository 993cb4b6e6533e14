/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "worker-test"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <sys/types.h>
#include <string.h>

#include "db-test-util.h"
#include "worker-test-util.h"

typedef struct
{
  ReplyKind kind;
  guint arg;
} Reply;

static void
gateway_request_free (GatewayRequest *r)
{
  g_free (r->path);
  g_free (r->auth);
  g_free (r->target);
  g_free (r->message);
  g_free (r->body);
  g_free (r);
}

static void
reply_ok (SoupServerMessage *msg,
          gboolean           email,
          guint              id)
{
  g_autofree char *json = email ? g_strdup_printf ("{\"messageId\":\"<%u@test>\"}", id)
                                : g_strdup_printf ("{\"status\":true,\"id\":[\"%u\"],\"process\":\"pending\"}", id);

  soup_server_message_set_status (msg, email ? 201 : 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

/* A slow reply writes on the stolen connection itself: the client may have hung up by then
 * (its own timeout), which SoupServer would not notice while a message is paused. */
typedef struct
{
  GIOStream *stream;
  char *json;
  guint status;
} Later;

static gboolean
reply_later (gpointer user_data)
{
  Later *l = user_data;
  g_autofree char *reply = g_strdup_printf ("HTTP/1.1 %u OK\r\nContent-Type: application/json\r\n"
                                            "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                                            l->status, strlen (l->json), l->json);

  g_output_stream_write_all (g_io_stream_get_output_stream (l->stream), reply, strlen (reply),
                             NULL, NULL, NULL);
  g_io_stream_close (l->stream, NULL, NULL);
  g_object_unref (l->stream);
  g_free (l->json);
  g_free (l);
  return G_SOURCE_REMOVE;
}

/* Half a reply, then the socket closes: the worker cannot know whether we sent it. */
static void
drop_connection (SoupServerMessage *msg)
{
  GIOStream *stream = soup_server_message_steal_connection (msg);
  const char partial[] = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                         "Content-Length: 64\r\n\r\n{\"status\":tr";

  g_output_stream_write_all (g_io_stream_get_output_stream (stream), partial, strlen (partial),
                             NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
  g_object_unref (stream);
}

static void
record_request (WorkerTest        *t,
                SoupServerMessage *msg,
                const char        *path,
                gboolean           email)
{
  GatewayRequest *r = g_new0 (GatewayRequest, 1);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);

  r->at = g_get_monotonic_time ();
  r->path = g_strdup (path);
  r->auth = g_strdup (soup_message_headers_get_one (headers, email ? "api-key" : "Authorization"));
  r->body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (email)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      if (json_parser_load_from_data (parser, r->body, -1, NULL))
        {
          JsonObject *o = json_node_get_object (json_parser_get_root (parser));
          JsonArray *to = json_object_get_array_member (o, "to");
          r->target = g_strdup (json_object_get_string_member (json_array_get_object_element (to, 0), "email"));
          r->message = g_strdup (json_object_get_string_member (o, "textContent"));
        }
    }
  else
    {
      g_autoptr(GHashTable) form = soup_form_decode (r->body);
      r->target = g_strdup (g_hash_table_lookup (form, "target"));
      r->message = g_strdup (g_hash_table_lookup (form, "message"));
    }
  g_ptr_array_add (t->requests, r);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  WorkerTest *t = user_data;
  gboolean email = g_str_equal (path, "/email");
  Reply reply = { REPLY_OK, 0 };
  const char *text = NULL;
  guint status = 200;

  record_request (t, msg, path, email);
  t->next_id++;
  if (g_strcmp0 (((GatewayRequest *) g_ptr_array_index (t->requests, t->requests->len - 1))->target,
                 t->fail_target) == 0)
    reply.kind = REPLY_500;
  else if (t->script->len > 0)
    {
      reply = g_array_index (t->script, Reply, 0);
      g_array_remove_index (t->script, 0);
    }

  switch (reply.kind)
    {
    case REPLY_OK:
      reply_ok (msg, email, t->next_id);
      return;
    case REPLY_STATUS_FALSE:
      text = "{\"status\":false,\"reason\":\"target invalid\"}";
      break;
    case REPLY_500:
      status = 500;
      text = "{\"status\":false,\"reason\":\"internal error\"}";
      break;
    case REPLY_429:
      {
        g_autofree char *after = g_strdup_printf ("%u", reply.arg);
        status = 429;
        text = "{\"status\":false,\"reason\":\"rate limit\"}";
        soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", after);
      }
      break;
    case REPLY_DROP:
      drop_connection (msg);
      return;
    case REPLY_KILL_WORKER:
    case REPLY_TERM_WORKER:
      /* kill(2) itself, now: g_subprocess_send_signal() only queues the signal for GLib's
       * worker thread, and under load the reply could reach the worker first. */
      g_assert_nonnull (t->victim);
      g_assert_nonnull (g_subprocess_get_identifier (t->victim));
      g_assert_cmpint (kill ((pid_t) g_ascii_strtoll (g_subprocess_get_identifier (t->victim), NULL, 10),
                             reply.kind == REPLY_KILL_WORKER ? SIGKILL : SIGTERM), ==, 0);
      if (reply.kind == REPLY_KILL_WORKER)
        {
          /* The worker is gone: nobody hears an answer. */
          g_object_unref (soup_server_message_steal_connection (msg));
          return;
        }
      G_GNUC_FALLTHROUGH;
    case REPLY_SLOW:
    default:
      {
        Later *l = g_new0 (Later, 1);
        l->stream = soup_server_message_steal_connection (msg);
        l->status = email ? 201 : 200;
        l->json = email ? g_strdup_printf ("{\"messageId\":\"<%u@test>\"}", t->next_id)
                        : g_strdup_printf ("{\"status\":true,\"id\":[\"%u\"]}", t->next_id);
        g_timeout_add (reply.arg, reply_later, l);
      }
      return;
    }
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, text, strlen (text));
}

WorkerTest *
worker_test_new (void)
{
  WorkerTest *t;
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autofree char *secrets = NULL;
  g_autofree char *url = NULL;
  const char *host = g_getenv ("PGHOST");
  g_autofree char *conninfo = NULL;

  if (!db_test_available ())
    return NULL;

  t = g_new0 (WorkerTest, 1);
  t->db = db_test_create ();
  t->dir = g_dir_make_tmp ("barokahd-test-XXXXXX", &error);
  g_assert_no_error (error);
  t->script = g_array_new (FALSE, TRUE, sizeof (Reply));
  t->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) gateway_request_free);

  t->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (t->server, "/wa", handle, t, NULL);
  soup_server_add_handler (t->server, "/email", handle, t, NULL);
  soup_server_listen_local (t->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (t->server);
  t->port = g_uri_get_port (uris->data);

  /* A socket directory in PGHOST would mean peer authentication: the worker logs in over
   * TCP with its password, as it does in production. */
  if (host == NULL || host[0] == '/' || host[0] == '\0')
    host = "localhost";
  conninfo = g_strdup_printf ("host=%s port=%s dbname=%s user=t_worker connect_timeout=5", host,
                              g_getenv ("PGPORT") != NULL ? g_getenv ("PGPORT") : "5432", t->db);
  t->config = g_key_file_new ();
  g_key_file_set_string (t->config, "database", "conninfo", conninfo);
  g_key_file_set_string (t->config, "delivery", "concurrency", "4");
  g_key_file_set_string (t->config, "delivery", "lease", "30");
  g_key_file_set_string (t->config, "delivery", "request_timeout", "3");
  g_key_file_set_string (t->config, "delivery", "max_attempts", "5");
  g_key_file_set_string (t->config, "delivery", "backoff_initial", "1");
  g_key_file_set_string (t->config, "delivery", "backoff_max", "4");
  g_key_file_set_string (t->config, "delivery", "jitter_percent", "0");
  g_key_file_set_string (t->config, "delivery", "poll_interval", "5");
  g_key_file_set_string (t->config, "jobs", "expire_interval", "1");
  g_key_file_set_string (t->config, "jobs", "sweep_interval", "1");
  url = g_strdup_printf ("http://127.0.0.1:%u/wa", t->port);
  g_key_file_set_string (t->config, "whatsapp", "url", url);
  g_free (url);
  url = g_strdup_printf ("http://127.0.0.1:%u/email", t->port);
  g_key_file_set_string (t->config, "email", "url", url);
  g_key_file_set_string (t->config, "email", "sender_email", "pesanan@barokah.test");
  g_key_file_set_string (t->config, "email", "sender_name", "UD. Barokah Jaya Beton");

  t->config_path = g_build_filename (t->dir, "barokahd.conf", NULL);
  t->secrets_path = g_build_filename (t->dir, "secrets", NULL);
  secrets = g_strdup_printf ("[secrets]\nwhatsapp_token=wa-secret-token\nemail_api_key=email-secret-key\n"
                             "database_password=%s\n",
                             g_getenv ("BJB_TEST_PASSWORD") != NULL ? g_getenv ("BJB_TEST_PASSWORD")
                                                                    : "barokah-test");
  g_file_set_contents_full (t->secrets_path, secrets, -1, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
  worker_test_write_config (t);
  g_free (worker_test_sql (t, "INSERT INTO bjb.category (name) VALUES ('Paving');"
                              "INSERT INTO bjb.product (category_id, name, unit, price, stock) "
                              "SELECT id, 'Paving K-300 Hexagon', 'buah', 4500, 1000 FROM bjb.category"));
  return t;
}

void
worker_test_free (WorkerTest *t)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (t == NULL)
    return;
  soup_server_disconnect (t->server);
  g_object_unref (t->server);
  g_clear_object (&t->victim);
  db_test_drop (t->db);
  dir = g_dir_open (t->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL && !g_getenv ("BJB_KEEP_WORKER_TEST"))
    {
      g_autofree char *path = g_build_filename (t->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (t->dir);
  g_free (t->dir);
  g_free (t->db);
  g_free (t->fail_target);
  g_free (t->config_path);
  g_free (t->secrets_path);
  g_key_file_unref (t->config);
  g_array_unref (t->script);
  g_ptr_array_unref (t->requests);
  g_free (t);
}

void
worker_test_script (WorkerTest *t,
                    ReplyKind   kind,
                    guint       arg)
{
  Reply r = { kind, arg };

  g_array_append_val (t->script, r);
}

void
worker_test_set (WorkerTest *t,
                 const char *group,
                 const char *key,
                 const char *value)
{
  g_key_file_set_string (t->config, group, key, value);
  worker_test_write_config (t);
}

void
worker_test_write_config (WorkerTest *t)
{
  g_autoptr(GError) error = NULL;

  g_key_file_save_to_file (t->config, t->config_path, &error);
  g_assert_no_error (error);
}

static char *
stderr_path (WorkerTest *t,
             guint       n)
{
  g_autofree char *name = g_strdup_printf ("stderr-%u", n);

  return g_build_filename (t->dir, name, NULL);
}

static guint n_spawned;

GSubprocess *
worker_test_spawn (WorkerTest         *t,
                   const char *const  *extra_args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = stderr_path (t, ++n_spawned);
  GSubprocess *proc;

  g_ptr_array_add (argv, (char *) BAROKAHD);
  g_ptr_array_add (argv, (char *) "--config");
  g_ptr_array_add (argv, t->config_path);
  g_ptr_array_add (argv, (char *) "--secrets");
  g_ptr_array_add (argv, t->secrets_path);
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) extra_args[i]);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "CREDENTIALS_DIRECTORY");
  g_subprocess_launcher_set_stderr_file_path (launcher, err);
  {
    g_autofree char *out = g_strconcat (err, ".out", NULL);
    g_subprocess_launcher_set_stdout_file_path (launcher, out);
  }
  proc = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_set_object (&t->victim, proc);
  return proc;
}

static void
on_exited (GObject      *source,
           GAsyncResult *res,
           gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), res, NULL);
  *(gboolean *) user_data = TRUE;
}

static gboolean
flag_set (WorkerTest *t,
          gpointer    data)
{
  return *(gboolean *) data;
}

int
worker_test_wait (WorkerTest  *t,
                  GSubprocess *proc,
                  guint        timeout_ms)
{
  gboolean exited = FALSE;

  g_subprocess_wait_async (proc, NULL, on_exited, &exited);
  if (!worker_test_wait_until (t, flag_set, &exited, timeout_ms))
    {
      g_subprocess_force_exit (proc);
      g_error ("barokahd did not exit within %u ms", timeout_ms);
    }
  if (g_subprocess_get_if_signaled (proc))
    return 128 + g_subprocess_get_term_sig (proc);
  return g_subprocess_get_exit_status (proc);
}

int
worker_test_run_once (WorkerTest *t)
{
  const char *args[] = { "--once", NULL };
  g_autoptr(GSubprocess) proc = worker_test_spawn (t, args);

  return worker_test_wait (t, proc, 30000);
}

char *
worker_test_last_stderr (WorkerTest *t)
{
  g_autofree char *path = stderr_path (t, n_spawned);
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, NULL);
  return text != NULL ? text : g_strdup ("");
}

char *
worker_test_sql (WorkerTest *t,
                 const char *sql)
{
  return db_test_su_exec (t->db, sql);
}

gint64
worker_test_sql_int (WorkerTest *t,
                     const char *sql)
{
  g_autofree char *value = worker_test_sql (t, sql);

  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : -1;
}

gint64
worker_test_add_customer (WorkerTest *t,
                          const char *phone,
                          const char *email,
                          gboolean    birthday_today)
{
  static guint n;
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO bjb.customer (name, phone, email, birth_date) VALUES ('Pelanggan Uji %u', %s%s%s, %s%s%s, %s) "
    "RETURNING id",
    ++n, phone ? "'" : "", phone ? phone : "NULL", phone ? "'" : "",
    email ? "'" : "", email ? email : "NULL", email ? "'" : "",
    birthday_today ? "((now() AT TIME ZONE 'Asia/Jakarta')::date - interval '30 years')::date" : "NULL");

  return worker_test_sql_int (t, sql);
}

void
worker_test_queue (WorkerTest *t,
                   gint64      customer)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT bjb.queue_customer_message(%" G_GINT64_FORMAT ", 'new_product', NULL, "
    "(SELECT min(id) FROM bjb.product), NULL, NULL, 'test:' || %" G_GINT64_FORMAT " || ':' || clock_timestamp())",
    customer, customer);
  g_free (worker_test_sql (t, sql));
}

guint
worker_test_count_requests (WorkerTest *t,
                            const char *target)
{
  guint n = 0;

  for (guint i = 0; i < t->requests->len; i++)
    {
      GatewayRequest *r = g_ptr_array_index (t->requests, i);
      if (g_strcmp0 (r->target, target) == 0)
        n++;
    }
  return n;
}

static gboolean
on_deadline (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
worker_test_wait_until (WorkerTest  *t,
                        gboolean   (*done) (WorkerTest *t, gpointer data),
                        gpointer     data,
                        guint        timeout_ms)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (timeout_ms, on_deadline, &expired);

  while (!done (t, data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  return done (t, data);
}

gboolean
worker_test_wait_sql (WorkerTest *t,
                      const char *sql,
                      const char *expected,
                      guint       timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      g_autofree char *value = worker_test_sql (t, sql);

      if (g_strcmp0 (value, expected) == 0)
        return TRUE;
      for (int i = 0; i < 20; i++)
        {
          while (g_main_context_iteration (NULL, FALSE))
            ;
          g_usleep (1000);
        }
    }
  return FALSE;
}
