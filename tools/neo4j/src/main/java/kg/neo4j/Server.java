package kg.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.ByteUnit;

/**
 * Neo4j 5 Community with its Bolt connector on 127.0.0.1, auth on, data in one directory.
 *
 * <p>Usage: {@code Server HOME PORT [PAGECACHE_MB]}, with the password of user neo4j in the
 * environment variable NEO4J_PASSWORD (never on the command line, never printed). Prints
 * {@code ready bolt://127.0.0.1:PORT} once Bolt answers and shuts down cleanly when its standard
 * input closes (the parent is gone) or on SIGTERM. Started again on the same HOME it recovers
 * whatever the last run committed, as a server does after a crash.
 */
public final class Server {
    private Server() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Server HOME PORT [PAGECACHE_MB]  (password in NEO4J_PASSWORD)");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        long pageCache = args.length > 2 ? Long.parseLong(args[2]) : 256;
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            System.err.println("set NEO4J_PASSWORD (8 characters or more) for user neo4j");
            System.exit(2);
        }
        Files.createDirectories(home);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCache))
                .loadPropertiesFromFile(extraSettings(home, System.getenv("KG_NEO4J_SETTINGS")))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "kg-neo4j-shutdown"));
        setPassword(dbms, password);
        System.out.println("ready bolt://127.0.0.1:" + port);
        System.out.flush();

        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // nothing to read: standard input only tells that the parent is still there
            }
        } catch (IOException gone) {
            // the parent's end of the pipe is gone: shut down as on end of input
        }
        System.exit(0);  // runs the shutdown hook
    }

    /**
     * Further Neo4j settings, as {@code name=value} pairs separated by spaces (e.g.
     * {@code db.tx_state.memory_allocation=OFF_HEAP}), written to HOME/kg-settings.conf for Neo4j to read
     * (the embedded builder takes settings it does not know by name only from a file).
     */
    private static Path extraSettings(Path home, String text) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (String pair : (text == null ? "" : text).trim().split("\\s+")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (pair.indexOf('=') <= 0) {
                throw new IllegalArgumentException("KG_NEO4J_SETTINGS: expected name=value, got " + pair);
            }
            lines.append(pair).append('\n');
        }
        return Files.writeString(home.resolve("kg-settings.conf"), lines.toString());
    }

    /** Give user neo4j the password, with no change required at first login (a no-op when it is already set). */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try (Transaction tx = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).beginTx()) {
            tx.execute("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
            tx.commit();
        } catch (RuntimeException e) {
            // a restart on the same data: Neo4j refuses to set the password it already has
            String message = String.valueOf(e.getMessage());
            if (!message.contains("same")) {
                throw e;
            }
        }
    }
}
