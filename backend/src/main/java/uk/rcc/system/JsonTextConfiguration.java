package uk.rcc.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON text the database can store. PostgreSQL refuses the NUL character in text, so a request body carrying one
 * is refused while it is read (400), before any query could fail on it (found by the request body fuzz test).
 */
@Configuration(proxyBeanMethods = false)
class JsonTextConfiguration {

    @Bean
    JacksonModule noNulCharactersInText() {
        return new SimpleModule("no-nul-characters").addDeserializer(String.class, new NoNulStrings());
    }

    static final class NoNulStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf('\0') >= 0) {
                return (String) context.handleWeirdStringValue(String.class, text, "text may not contain NUL");
            }
            return text;
        }
    }
}
