package dev.grantflow.security.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.grantflow.security.CurrentUser;
import dev.grantflow.security.SecurityProperties;
import dev.grantflow.security.SignInHints;
import dev.grantflow.security.SignInHints.DemoAccount;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The sign-in page: a button for the OpenID Connect provider when one is configured, the local form when
 * local sign-in is on, and in the demo profile the demo accounts.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in | Grantflow")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    private final Paragraph refusal = new Paragraph();

    LoginView(ObjectProvider<SignInHints> hints, SecurityProperties properties) {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setVisible(properties.localLogin());
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setUsername("Email");
        i18n.getErrorMessage().setTitle("Incorrect email or password");
        i18n.getErrorMessage().setMessage("Check your email and password and try again.");
        form.setI18n(i18n);
        refusal.setVisible(false);
        refusal.getStyle().set("color", "var(--lumo-error-text-color)");
        refusal.setId("sign-in-refused");
        add(new H1("Grantflow"), new Paragraph("Request access to business applications."), refusal);
        SecurityProperties.Oidc oidc = properties.oidc();
        if (oidc.enabled()) {
            Anchor provider = new Anchor("oauth2/authorization/" + oidc.registrationId(), "Sign in with " + oidc.providerName());
            provider.setRouterIgnore(true);
            provider.setId("oidc-sign-in");
            provider.getElement().setAttribute("theme", "primary");
            add(provider);
        }
        add(form);
        if (properties.localLogin()) {
            hints.ifAvailable(available -> add(demoAccounts(available)));
        }
    }

    private VerticalLayout demoAccounts(SignInHints hints) {
        Grid<DemoAccount> grid = new Grid<>(DemoAccount.class, false);
        grid.addColumn(DemoAccount::displayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(DemoAccount::role).setHeader("Role").setAutoWidth(true);
        grid.addColumn(DemoAccount::email).setHeader("Email").setAutoWidth(true);
        grid.addColumn(DemoAccount::password).setHeader("Password").setAutoWidth(true);
        grid.setItems(hints.accounts());
        grid.setAllRowsVisible(true);
        grid.setWidth("60rem");
        grid.setMaxWidth("100%");
        grid.setId("demo-accounts");
        VerticalLayout section = new VerticalLayout(new H2("Demo accounts"),
                new Paragraph("This is a demo directory. Sign in as any of these people."), grid);
        section.setAlignItems(Alignment.CENTER);
        section.setPadding(false);
        return section;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CurrentUser.find().isPresent()) {
            event.forwardTo("");
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("error")) {
            form.setError(true);
        }
        if (parameters.containsKey("oidc-error")) {
            refusal.setText(refusalMessage(parameters.get("oidc-error").getFirst()));
            refusal.setVisible(true);
        }
    }

    private static String refusalMessage(String code) {
        return switch (code) {
            case "person_not_in_directory" -> "You signed in, but Grantflow's directory has no person with your email, and new"
                    + " people are not added automatically. Ask a Grantflow administrator to add you, then sign in again.";
            case "missing_email_claim" -> "Your identity provider did not send your email address, which Grantflow needs."
                    + " Ask your administrator to release the email claim to Grantflow.";
            default -> "Signing in through your identity provider failed (" + code + "). Try again, or ask your administrator.";
        };
    }
}
