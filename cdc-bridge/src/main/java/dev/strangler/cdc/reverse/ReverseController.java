package dev.strangler.cdc.reverse;

import dev.strangler.control.ControlTokens;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/cdc/reverse")
class ReverseController {

    private final ReversePath reverse;

    ReverseController(ReversePath reverse) {
        this.reverse = reverse;
    }

    /** @param enabled the wanted state; @param reason why, kept with the switch */
    record ReverseSwitchRequest(@NotNull Boolean enabled, @NotBlank String reason) {
    }

    @GetMapping
    ReversePath.Status status() {
        return reverse.status();
    }

    @PutMapping
    ReversePath.Status switchTo(@Valid @RequestBody ReverseSwitchRequest request,
                                @RequestAttribute(ControlTokens.NAME_ATTRIBUTE) String by) {
        return reverse.switchTo(request.enabled(), request.reason(), by);
    }
}
