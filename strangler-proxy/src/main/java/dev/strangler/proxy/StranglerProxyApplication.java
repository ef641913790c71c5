package dev.strangler.proxy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class StranglerProxyApplication {

    public static void main(String[] args) {
        SpringApplication.run(StranglerProxyApplication.class, args);
    }
}
