/*
 * A single-node Elasticsearch 8 for development and CI, started from Maven Central jars.
 *
 * Usage (the options of codelibs' ElasticsearchClusterRunner, which Maven Central does not
 * carry for 8.x): -basePath DIR -numOfNode 1 -baseHttpPort 9199 [-clusterName NAME]
 * HTTP listens on 127.0.0.1:(baseHttpPort + node number), i.e. 9200 for node 1.
 * The class is in org.elasticsearch.node because NodeConstruction and NodeServiceProvider
 * are package-private.
 */
package org.elasticsearch.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.ClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;

public class WissensboerseNode extends Node {
    private static final List<Class<? extends Plugin>> PLUGINS = List.of(Netty4Plugin.class);

    WissensboerseNode(Environment environment) {
        super(NodeConstruction.prepareConstruction(environment, new NodeServiceProvider() {
            @Override
            org.elasticsearch.plugins.PluginsService newPluginService(Environment env, Settings settings) {
                return new ClasspathPluginsService(settings, env, PLUGINS);
            }
        }, true));
    }

    public static void main(String[] args) throws Exception {
        Path basePath = Path.of("es_home");
        int numOfNode = 1;
        int baseHttpPort = 9199;
        String clusterName = "wissensboerse-dev";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "-basePath" -> { basePath = Path.of(value); i++; }
                case "-numOfNode" -> { numOfNode = Integer.parseInt(value); i++; }
                case "-baseHttpPort" -> { baseHttpPort = Integer.parseInt(value); i++; }
                case "-clusterName" -> { clusterName = value; i++; }
                default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
            }
        }
        if (numOfNode != 1) {
            throw new IllegalArgumentException("Only -numOfNode 1 is supported (a single dev/CI node).");
        }
        Path home = basePath.toAbsolutePath().resolve("node_1");
        for (String dir : List.of("config", "data", "logs", "modules", "plugins")) {
            Files.createDirectories(home.resolve(dir));
        }
        Settings settings = Settings.builder()
            .put("cluster.name", clusterName)
            .put("node.name", "node_1")
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("network.host", "127.0.0.1")
            .put("http.port", baseHttpPort + 1)
            .put("transport.port", baseHttpPort + 101)
            .put("http.type", Netty4Plugin.NETTY_HTTP_TRANSPORT_NAME)
            .put("transport.type", Netty4Plugin.NETTY_TRANSPORT_NAME)
            .put("discovery.type", "single-node")
            // A full shared disk must not turn the dev index read-only.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();
        LogConfigurator.configureESLogging();
        LogConfigurator.configureWithoutConfig(settings);
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings, Map.of(), home.resolve("config"), () -> "node_1"
        );
        Node node = new WissensboerseNode(environment);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "wissensboerse-node-shutdown"));
        node.start();
        System.out.println("Elasticsearch node started: http://127.0.0.1:" + (baseHttpPort + 1));
        stopped.await();
    }
}
