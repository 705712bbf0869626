package io.jichao.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;

/** A person who logs in to the operator web tier. */
@Entity
public class Operator {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    private String displayName;

    private String passwordHash;

    private boolean enabled = true;

    private boolean mustChangePassword;

    private boolean wholeSite;

    private int failedLogins;

    private Instant lockedUntil;

    /** The property office this operator sells for (R20); null for head-office staff. */
    private Long propertyOfficeId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "operator_role", joinColumns = @JoinColumn(name = "operator_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "operator_district_building", joinColumns = @JoinColumn(name = "operator_id"))
    @Column(name = "building_id")
    private Set<Long> districtBuildingIds = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "operator_district_box", joinColumns = @JoinColumn(name = "operator_id"))
    @Column(name = "box_id")
    private Set<Long> districtBoxIds = new HashSet<>();

    @Version
    private long version;

    protected Operator() {
    }

    public Operator(String username, String displayName, String passwordHash) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
    }

    public DistrictScope district() {
        return wholeSite ? DistrictScope.everything() : DistrictScope.of(districtBuildingIds, districtBoxIds);
    }

    public void assignDistrict(boolean wholeSite, Set<Long> buildingIds, Set<Long> boxIds) {
        this.wholeSite = wholeSite;
        this.districtBuildingIds.clear();
        this.districtBoxIds.clear();
        if (!wholeSite) {
            this.districtBuildingIds.addAll(buildingIds);
            this.districtBoxIds.addAll(boxIds);
        }
    }

    public OperatorContext toContext() {
        return new OperatorContext(id, username, displayName, roles, district());
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a failed login; after {@code maxFailures} in a row the account is locked for a while. */
    public void recordFailedLogin(Instant now, int maxFailures, java.time.Duration lockout) {
        failedLogins++;
        if (failedLogins >= maxFailures) {
            lockedUntil = now.plus(lockout);
            failedLogins = 0;
        }
    }

    public void recordSuccessfulLogin() {
        failedLogins = 0;
        lockedUntil = null;
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getPasswordHash() { return passwordHash; }
    public void changePasswordHash(String passwordHash, boolean mustChange) {
        this.passwordHash = passwordHash;
        this.mustChangePassword = mustChange;
    }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public boolean isMustChangePassword() { return mustChangePassword; }
    public boolean isWholeSite() { return wholeSite; }
    public Instant getLockedUntil() { return lockedUntil; }
    public Long getPropertyOfficeId() { return propertyOfficeId; }
    public void setPropertyOfficeId(Long propertyOfficeId) { this.propertyOfficeId = propertyOfficeId; }
    public Set<Role> getRoles() { return roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles); }
    public void setRoles(Set<Role> roles) { this.roles.clear(); this.roles.addAll(roles); }
    public Set<Long> getDistrictBuildingIds() { return Set.copyOf(districtBuildingIds); }
    public Set<Long> getDistrictBoxIds() { return Set.copyOf(districtBoxIds); }
}
