package dev.strangler.cdc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CdcBridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(CdcBridgeApplication.class, args);
    }
}
