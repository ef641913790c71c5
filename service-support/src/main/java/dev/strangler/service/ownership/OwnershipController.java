package dev.strangler.service.ownership;

import dev.strangler.control.ControlTokens;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET/PUT /admin/ownership}; the control token is checked (and named) by the interceptor before. */
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
    Ownership change(@Valid @RequestBody OwnershipChange change,
                     @RequestAttribute(ControlTokens.NAME_ATTRIBUTE) String by) {
        return ownership.change(change.mode(), change.reason().trim(), by);
    }
}
