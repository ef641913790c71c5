package dev.strangler.service.ownership;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET/PUT /admin/ownership}; the bearer token is checked by {@link AdminTokenInterceptor}. */
@RestController
@RequestMapping("/admin/ownership")
class OwnershipController {

    private final OwnershipService ownership;

    OwnershipController(OwnershipService ownership) {
        this.ownership = ownership;
    }

    @GetMapping
    Ownership get() {
        return ownership.current();
    }

    @PutMapping
    Ownership change(@Valid @RequestBody OwnershipChange change) {
        return ownership.change(change.mode(), change.reason().trim());
    }
}
