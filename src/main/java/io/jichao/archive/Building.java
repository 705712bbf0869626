package io.jichao.archive;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

/** A building of a site; districts are made of buildings and distribution boxes. */
@Entity
public class Building {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Site site;

    @ManyToOne(fetch = FetchType.LAZY)
    private PropertyOffice propertyOffice;

    private String name;

    private String code;

    @Version
    private long version;

    protected Building() {
    }

    public Building(Site site, String name, String code) {
        this.site = site;
        this.name = name;
        this.code = code;
    }

    public Long getId() {
        return id;
    }

    public Site getSite() {
        return site;
    }

    public PropertyOffice getPropertyOffice() {
        return propertyOffice;
    }

    public void setPropertyOffice(PropertyOffice propertyOffice) {
        this.propertyOffice = propertyOffice;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
