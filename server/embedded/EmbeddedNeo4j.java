import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.Version;

/**
 * Runs the official Neo4j Community engine with a Bolt connector as a child process of the explorer.
 *
 * Configuration comes from environment variables set by server/neo4j/embedded.ts:
 *   EMBEDDED_HOME      directory holding the databases, logs and transaction logs
 *   EMBEDDED_PORT      Bolt port (listens on 127.0.0.1 only)
 *   EMBEDDED_PASSWORD  password for the user "neo4j" (set at every start)
 *   EMBEDDED_PAGECACHE page cache size, e.g. "256m"
 *   EMBEDDED_TX_MAX    memory cap for all running transactions, e.g. "512m"
 *   EMBEDDED_TX_EACH   memory cap for one transaction, e.g. "384m"
 *
 *   EMBEDDED_STANDBY   "1": start as a warm standby (see below)
 *
 * The process stops when its standard input closes: the parent Node process holds the other end of that
 * pipe, so even a SIGKILL of the parent leaves no JVM behind.
 *
 * A standby JVM loads and warms the engine on a throw-away store, prints EMBEDDED_STANDBY and waits for a line
 * "START" on its standard input; only then does it open the real store. Restarting the database after its JVM
 * died then costs opening the store, not starting a JVM and loading the engine (seconds instead of tens of).
 */
public final class EmbeddedNeo4j {
    private EmbeddedNeo4j() {}

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        if ("1".equals(env.get("EMBEDDED_STANDBY"))) {
            warmUp();
            System.out.println("EMBEDDED_STANDBY");
            System.out.flush();
            if (!awaitStart(System.in)) {
                System.exit(0);
                return;
            }
        }
        Path home = Path.of(require(env, "EMBEDDED_HOME")).toAbsolutePath();
        String port = require(env, "EMBEDDED_PORT");
        String password = require(env, "EMBEDDED_PASSWORD");

        Map<String, String> config = new HashMap<>();
        config.put("server.bolt.enabled", "true");
        config.put("server.bolt.listen_address", "127.0.0.1:" + port);
        config.put("server.bolt.advertised_address", "127.0.0.1:" + port);
        config.put("dbms.security.auth_enabled", "true");
        config.put("server.memory.pagecache.size", env.getOrDefault("EMBEDDED_PAGECACHE", "256m"));
        config.put("dbms.memory.transaction.total.max", env.getOrDefault("EMBEDDED_TX_MAX", "512m"));
        // One transaction may use only part of that: a query that could never fit fails with a client error
        // naming this limit, instead of a transient "pool full" that tells the analyst to try again.
        config.put("db.memory.transaction.max", env.getOrDefault("EMBEDDED_TX_EACH", "384m"));
        // No query may read files from this machine: LOAD CSV FROM 'file:///…' is refused by the engine.
        config.put("dbms.security.allow_csv_import_from_file_urls", "false");
        config.put("dbms.usage_report.enabled", "false");
        config.put("db.logs.query.enabled", "OFF");

        DatabaseManagementService service;
        try {
            service = new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(writeConfig(home, config)).build();
        } catch (RuntimeException | IOException e) {
            System.err.println("EMBEDDED_FAILED " + rootMessage(e));
            System.exit(1);
            return;
        }
        AtomicBoolean stopped = new AtomicBoolean(false);
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                service.shutdown();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "neo4j-shutdown"));

        try {
            // Neo4j refuses to set the password a user already has, so it goes through a random one first:
            // every start then leaves exactly the configured password in place, whatever it was before.
            GraphDatabaseService system = service.database("system");
            String alter = "ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED";
            system.executeTransactionally(alter, Map.of("password", UUID.randomUUID().toString()));
            system.executeTransactionally(alter, Map.of("password", password));
        } catch (RuntimeException e) {
            System.err.println("EMBEDDED_FAILED could not set the password of user neo4j: " + rootMessage(e));
            stop.run();
            System.exit(1);
            return;
        }

        System.out.println("EMBEDDED_READY bolt://127.0.0.1:" + port + " " + Version.getNeo4jVersion());
        System.out.flush();

        waitForEndOfInput(System.in);
        stop.run();
        System.exit(0);
    }

    /** Starts and stops the engine once on a temporary store, so its classes are loaded and its code warm. */
    private static void warmUp() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("neo4j-standby-");
            Map<String, String> config = new HashMap<>();
            config.put("server.bolt.enabled", "false");
            config.put("server.memory.pagecache.size", "8m");
            config.put("dbms.usage_report.enabled", "false");
            config.put("db.logs.query.enabled", "OFF");
            DatabaseManagementService warm = new DatabaseManagementServiceBuilder(dir).loadPropertiesFromFile(writeConfig(dir, config)).build();
            try {
                GraphDatabaseService db = warm.database("neo4j");
                db.executeTransactionally("CREATE (n:Warm {id: 1}) WITH n MATCH (m:Warm) RETURN count(m)");
                warm.database("system").executeTransactionally("SHOW USERS");
            } finally {
                warm.shutdown();
            }
        } catch (RuntimeException | IOException e) {
            // A failed warm-up only makes the later start slower; the real start reports real problems.
            System.err.println("standby warm-up failed: " + rootMessage(e));
        } finally {
            deleteQuietly(dir);
        }
    }

    /** Waits for the line "START"; false when the input ends first (the parent is gone or let the standby go). */
    private static boolean awaitStart(InputStream in) {
        StringBuilder line = new StringBuilder();
        try {
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    if (line.toString().trim().equals("START")) return true;
                    line.setLength(0);
                } else {
                    line.append((char) c);
                }
            }
        } catch (IOException ignored) {
            // A broken pipe means the parent is gone.
        }
        return false;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Leftovers in the temp directory are harmless.
        }
    }

    /** The public builder takes raw settings only from a file, so the settings are written to one. */
    private static Path writeConfig(Path home, Map<String, String> config) throws IOException {
        Files.createDirectories(home);
        StringBuilder text = new StringBuilder("# Written by EmbeddedNeo4j at every start; edits are overwritten.\n");
        config.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Path file = home.resolve("neo4j.conf");
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static void waitForEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) != -1) {
                // The parent never writes; reading only tells us when it is gone.
            }
        } catch (IOException ignored) {
            // A broken pipe means the parent is gone too.
        }
    }

    private static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            System.err.println("EMBEDDED_FAILED missing environment variable " + name);
            System.exit(2);
        }
        return value;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
