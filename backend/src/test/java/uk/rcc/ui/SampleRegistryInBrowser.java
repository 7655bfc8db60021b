package uk.rcc.ui;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;

/** Browser tests that start each test from the shared sample registry, the test accounts and a fresh browser. */
@BrowserTest
abstract class SampleRegistryInBrowser {
    @LocalServerPort
    int port;

    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    Browser browser;

    @BeforeEach
    void sampleRegistryAndBrowser() throws IOException {
        registry.reset();
        importer.importDirectory(SharedData.sample());
        registry.createAccounts();
        browser = Browser.open(port);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }
}
