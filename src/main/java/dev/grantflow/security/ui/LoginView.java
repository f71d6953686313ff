package dev.grantflow.security.ui;

import com.vaadin.flow.component.grid.Grid;
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
import dev.grantflow.security.SignInHints;
import dev.grantflow.security.SignInHints.DemoAccount;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The sign-in page. In the demo profile it also lists the demo accounts; a click fills the form.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in | Grantflow")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    LoginView(ObjectProvider<SignInHints> hints) {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setUsername("Email");
        i18n.getErrorMessage().setTitle("Incorrect email or password");
        i18n.getErrorMessage().setMessage("Check your email and password and try again.");
        form.setI18n(i18n);
        add(new H1("Grantflow"), new Paragraph("Request access to business applications."), form);
        hints.ifAvailable(available -> add(demoAccounts(available)));
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
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            form.setError(true);
        }
    }
}
