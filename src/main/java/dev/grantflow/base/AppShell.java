package dev.grantflow.base;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The application shell: Lumo styles plus Grantflow's own stylesheet, and server push, which lets views
 * show the results of background work such as a connection test as they arrive.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Grantflow");
        settings.addFavIcon("icon", "icons/favicon.png", "32x32");
    }
}
