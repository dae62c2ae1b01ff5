/*
 * Loads plugins from the class path instead of a distribution's modules/ folder.
 *
 * Maven Central carries the Elasticsearch server and its Netty transport module but no
 * distribution, so the dev/CI node is assembled from jars. This class lives in the
 * org.elasticsearch.plugins package because LoadedPlugin and loadPlugin are package-private;
 * it mirrors what Elasticsearch's own test framework does (MockPluginsService).
 */
package org.elasticsearch.plugins;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.elasticsearch.Build;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.jdk.ModuleQualifiedExportsService;

public class ClasspathPluginsService extends PluginsService {
    private final List<LoadedPlugin> classpathPlugins;

    public ClasspathPluginsService(
        Settings settings, Environment environment, Collection<Class<? extends Plugin>> pluginClasses
    ) {
        super(settings, environment.configFile(), environment.modulesFile(), environment.pluginsFile());
        List<LoadedPlugin> loaded = new ArrayList<>();
        for (Class<? extends Plugin> pluginClass : pluginClasses) {
            Plugin plugin = loadPlugin(pluginClass, settings, environment.configFile());
            PluginDescriptor descriptor = new PluginDescriptor(
                pluginClass.getName(), "class path plugin", "NA", Build.current().version(), "17",
                pluginClass.getName(), null, List.of(), false, false, false, false
            );
            loaded.add(new LoadedPlugin(descriptor, plugin));
        }
        this.classpathPlugins = List.copyOf(loaded);
    }

    // The server jar is not a named module on the class path, so there are no qualified
    // exports to wire up (the test framework skips this step for the same reason).
    @Override
    protected void addServerExportsService(Map<String, List<ModuleQualifiedExportsService>> exports) {}

    @Override
    protected List<LoadedPlugin> plugins() {
        return classpathPlugins;
    }
}
